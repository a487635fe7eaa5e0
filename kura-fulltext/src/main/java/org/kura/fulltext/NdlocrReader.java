package org.kura.fulltext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the XML that the National Diet Library's OCR writes (NDLOCR, {@code ndl-lab/ndlocr_cli} ver.1
 * and ver.2, and NDLOCR-Lite): a root {@code OCRDATASET} with one {@code PAGE} per image (IMAGENAME,
 * WIDTH, HEIGHT) holding {@code LINE}s (X, Y, WIDTH, HEIGHT, the recognised text in STRING, TYPE such
 * as 本文 or キャプション, CONF), directly or inside {@code TEXTBLOCK}s and {@code BLOCK}s (an
 * advertisement block holds lines of its own).
 *
 * <p>Lines come in document order, except that ver.2's {@code ORDER} (the reading-order number NDLOCR
 * assigns to each LINE) is followed among the lines that carry it. A {@code BLOCK} with a STRING (柱,
 * the running head; ノンブル, the page number) is read as a line where it stands. Lines without text
 * are left out. Lines have no word boxes; a line taller than wide is vertical, and the page is
 * vertical when most lines are.
 *
 * <p>{@link #read} wants one PAGE per file (NDLOCR-Lite writes a file per image); a file of several
 * pages (ndlocr_cli writes one per book) is read with {@link #readAll}.
 */
public final class NdlocrReader implements PageTextReader {
    private static final String SOURCE = "ndlocr";

    @Override
    public String format() {
        return SOURCE;
    }

    /** True when the root element is {@code OCRDATASET}. */
    @Override
    public boolean accepts(byte[] head) {
        return "OCRDATASET".equals(XmlSniffer.rootName(head));
    }

    /** Reads a file of exactly one PAGE as page {@code page}. */
    @Override
    public PageText read(byte[] bytes, int page) {
        List<PageText> pages = readAll(bytes, page);
        if (pages.size() != 1) {
            throw new TextFormatException("NDLOCR file holds " + pages.size() + " pages (PAGE elements); one page per file is expected");
        }
        return pages.get(0);
    }

    /**
     * Reads every PAGE of the file, numbered from {@code firstPage} in document order.
     *
     * @throws TextFormatException when the file is not NDLOCR XML or has no PAGE
     */
    public List<PageText> readAll(byte[] bytes, int firstPage) {
        PageLimits.checkSize(bytes);
        List<PageText> pages = XmlSource.parse(bytes, "NDLOCR XML", r -> parse(r, firstPage));
        if (pages.isEmpty()) {
            throw new TextFormatException("NDLOCR file has no PAGE");
        }
        return pages;
    }

    private static List<PageText> parse(XMLStreamReader r, int firstPage) throws XMLStreamException {
        List<PageText> pages = new ArrayList<>();
        boolean root = true;
        Page page = null;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.DTD -> throw new TextFormatException(
                        "NDLOCR XML with a DOCTYPE is refused: DTDs and entities are never read");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new TextFormatException(
                        "NDLOCR XML refers to an undeclared entity &" + r.getLocalName() + ";");
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = r.getLocalName();
                    if (root) {
                        if (!name.equals("OCRDATASET")) {
                            throw new TextFormatException("not NDLOCR XML: the root element is <" + name + ">, not <OCRDATASET>");
                        }
                        root = false;
                    } else if (name.equals("PAGE")) {
                        page = new Page(Coords.size(XmlSource.attr(r, "WIDTH")), Coords.size(XmlSource.attr(r, "HEIGHT")));
                    } else if (page != null && (name.equals("LINE") || name.equals("BLOCK"))) {
                        page.add(r, name.equals("LINE"));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (page != null && r.getLocalName().equals("PAGE")) {
                        pages.add(page.build(firstPage + pages.size()));
                        page = null;
                    }
                }
                default -> {
                }
            }
        }
        return pages;
    }

    /** A PAGE being read: its lines in document order, each with its ORDER when it has one. */
    private static final class Page {
        final int width;
        final int height;
        final PageLines lines = new PageLines();
        final List<Integer> orders = new ArrayList<>();

        Page(int width, int height) {
            this.width = width;
            this.height = height;
        }

        void add(XMLStreamReader r, boolean line) {
            String text = XmlSource.attr(r, "STRING");
            if (text == null || text.isBlank()) {
                return;
            }
            Box box = Coords.box(XmlSource.attr(r, "X"), XmlSource.attr(r, "Y"), XmlSource.attr(r, "WIDTH"), XmlSource.attr(r, "HEIGHT"));
            lines.add(new TextLine(text.strip(), box, List.of(), false));
            orders.add(line ? Coords.number(XmlSource.attr(r, "ORDER")) : null);
        }

        /**
         * The lines that have an ORDER are sorted by it into the places such lines take in the
         * document; the others stay where they are.
         */
        PageText build(int number) {
            List<TextLine> all = lines.lines();
            List<Integer> slots = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (orders.get(i) != null) {
                    slots.add(i);
                }
            }
            List<Integer> sorted = new ArrayList<>(slots);
            sorted.sort(Comparator.comparing(orders::get));
            List<TextLine> ordered = new ArrayList<>(all);
            for (int k = 0; k < slots.size(); k++) {
                ordered.set(slots.get(k), all.get(sorted.get(k)));
            }
            return PageLines.build(number, width, height, ordered, SOURCE);
        }
    }
}
