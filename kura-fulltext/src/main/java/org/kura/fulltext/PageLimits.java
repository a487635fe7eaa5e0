package org.kura.fulltext;

/**
 * The bounds a page's text file must keep: files over {@link #MAX_BYTES} are refused unread, and a page
 * whose text runs past {@link #MAX_CHARS} characters is refused (no printed page holds that much; such a
 * file is a whole book, a data dump or an attack on the index).
 */
public final class PageLimits {
    /** The largest text file read for one page: 32 MiB. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;
    /** The most characters one page's text may have (lines joined by line breaks). */
    public static final int MAX_CHARS = 200_000;

    private PageLimits() {
    }

    static void checkSize(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new TextFormatException("text file is too large: " + bytes.length + " bytes (a page's text may have at most 32 MiB)");
        }
    }

    static TextFormatException tooLong() {
        return new TextFormatException("page text is too long: more than " + MAX_CHARS + " characters on one page");
    }
}
