package org.kura.fulltext;

import java.util.List;
import java.util.Objects;

/**
 * One line of text on a page, in reading order, with where it is on the image when the source says
 * so. A line of vertical Japanese runs top to bottom; its words (or characters) are in reading order.
 *
 * @param text  the line's text (never null; no line breaks)
 * @param box   where the line is on the page image, or null (plain text has no coordinates)
 * @param words the line's words with their boxes, in order, when the source gives them; their texts
 *              joined with {@link #separator} are the line's text
 * @param vertical true when the line is written top to bottom
 */
public record TextLine(String text, Box box, List<Word> words, boolean vertical) {
    /** A word (or a run of characters) and its box. */
    public record Word(String text, Box box) {
        public Word {
            Objects.requireNonNull(text, "text");
        }
    }

    public TextLine {
        Objects.requireNonNull(text, "text");
        words = words == null ? List.of() : List.copyOf(words);
    }

    public static TextLine of(String text) {
        return new TextLine(text, null, List.of(), false);
    }

    /**
     * What goes between words when a line is put together from them: nothing between two CJK
     * characters (Japanese is written without spaces), a space otherwise.
     */
    public static String separator(String before, String after) {
        if (before.isEmpty() || after.isEmpty()) {
            return "";
        }
        return isCjk(before.codePointBefore(before.length())) && isCjk(after.codePointAt(0)) ? "" : " ";
    }

    static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA
                || (cp >= 0x3000 && cp <= 0x303F) // CJK punctuation
                || (cp >= 0xFF00 && cp <= 0xFFEF) // full-width forms
                || cp == 0x30FC;
    }

    /** Puts a line together from its words. */
    public static TextLine fromWords(List<Word> words, Box lineBox, boolean vertical) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            sb.append(separator(sb.toString(), w.text())).append(w.text());
        }
        Box box = lineBox;
        if (box == null) {
            for (Word w : words) {
                if (w.box() != null) {
                    box = box == null ? w.box() : box.union(w.box());
                }
            }
        }
        return new TextLine(sb.toString(), box, words, vertical);
    }
}
