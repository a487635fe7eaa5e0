package org.kura.fulltext;

/**
 * Reads one page's OCR output or text file into a {@link PageText}. Implementations are pure: bytes in,
 * text out, or a {@link TextFormatException} whose message says what is wrong.
 */
public interface PageTextReader {

    /** The format's short name ({@code alto}, {@code hocr}, {@code ndlocr}, {@code plain}). */
    String format();

    /** True when the bytes look like this format (decided from the first bytes, not the file name). */
    boolean accepts(byte[] head);

    /**
     * @param bytes the file as received
     * @param page  the page number (1-based) the text belongs to
     */
    PageText read(byte[] bytes, int page);
}
