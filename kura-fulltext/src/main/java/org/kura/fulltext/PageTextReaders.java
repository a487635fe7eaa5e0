package org.kura.fulltext;

import java.util.List;
import java.util.Optional;

/**
 * Picks the reader for a page's text file from its first bytes, not its name: past a byte order
 * mark, the XML declaration, white space and comments, a root element {@code alto} is ALTO,
 * {@code OCRDATASET} is NDLOCR, {@code html} with {@code ocr_page} in the first 8 KiB is hOCR. Any
 * other XML is refused ("unknown XML text format"); what does not start like XML is plain text.
 */
public final class PageTextReaders {
    private final List<PageTextReader> structured;
    private final PageTextReader fallback;

    /** ALTO, NDLOCR and hOCR, with plain text as the fallback. */
    public PageTextReaders() {
        this(List.of(new AltoReader(), new NdlocrReader(), new HocrReader()), new PlainTextReader());
    }

    /**
     * @param structured readers asked in order whether they accept the file
     * @param fallback   the reader for files that do not start like XML
     */
    public PageTextReaders(List<PageTextReader> structured, PageTextReader fallback) {
        this.structured = List.copyOf(structured);
        this.fallback = fallback;
    }

    /**
     * The reader for these bytes.
     *
     * @throws TextFormatException when the file is XML of a root no reader takes
     */
    public PageTextReader readerFor(byte[] bytes) {
        for (PageTextReader r : structured) {
            if (r.accepts(bytes)) {
                return r;
            }
        }
        String root = XmlSniffer.rootName(bytes);
        if (root != null) {
            throw new TextFormatException(root.isEmpty()
                    ? "unknown XML text format: no root element in the first " + XmlSniffer.HEAD / 1024 + " KiB"
                    : "unknown XML text format: <" + root + ">");
        }
        return fallback;
    }

    /** The reader of a format by its name ({@code alto}, {@code hocr}, {@code ndlocr}, {@code plain}). */
    public Optional<PageTextReader> forFormat(String format) {
        if (fallback.format().equals(format)) {
            return Optional.of(fallback);
        }
        return structured.stream().filter(r -> r.format().equals(format)).findFirst();
    }

    /**
     * Reads a page's text file in whichever format it is.
     *
     * @throws TextFormatException when it is too large, of an unknown format, or does not read
     */
    public PageText read(byte[] bytes, int page) {
        PageLimits.checkSize(bytes);
        return readerFor(bytes).read(bytes, page);
    }

    /** As {@link #read(byte[], int)}, with the file's name at the start of an error's message. */
    public PageText read(String fileName, byte[] bytes, int page) {
        try {
            return read(bytes, page);
        } catch (TextFormatException e) {
            throw new TextFormatException(fileName + ": " + e.getMessage(), e);
        }
    }
}
