package org.kura.fulltext;

/**
 * Reads a plain text file as a page: decoded by {@link TextDecoding} (UTF-8, UTF-16 with a byte order
 * mark, ISO-2022-JP, Shift_JIS, EUC-JP), one line per line of the file, without coordinates. Blank
 * lines inside the text are kept (they separate paragraphs); those at the end are not. An empty file
 * is an empty page. It is the fallback reader: it takes any file that is not binary, and refuses one
 * that does not decode.
 */
public final class PlainTextReader implements PageTextReader {
    private static final String SOURCE = "plain";

    @Override
    public String format() {
        return SOURCE;
    }

    /** True unless the head looks like binary data. */
    @Override
    public boolean accepts(byte[] head) {
        return !TextDecoding.looksBinary(head);
    }

    @Override
    public PageText read(byte[] bytes, int page) {
        PageLimits.checkSize(bytes);
        String text = TextDecoding.decode(bytes).text();
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        PageLines lines = new PageLines();
        int start = 0;
        while (start < end) {
            int nl = text.indexOf('\n', start);
            int stop = nl < 0 || nl > end ? end : nl;
            lines.add(TextLine.of(text.substring(start, stop)));
            start = stop + 1;
        }
        return new PageText(page, 0, 0, false, lines.lines(), SOURCE);
    }
}
