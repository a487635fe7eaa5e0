package org.kura.fulltext;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one page of a digitized item, as lines in reading order, with coordinates when the
 * source has them (ALTO, hOCR, NDLOCR) so that a hit can be shown on the image. Stored with the item
 * as {@code text/NNNN.json}; this is what the index, Content Search and the accessible text read.
 *
 * @param page     the page number, 1-based, in the item's reading order
 * @param width    the width of the image the coordinates refer to (0: unknown)
 * @param height   its height (0: unknown)
 * @param vertical the page is written mainly in vertical lines (tategaki)
 * @param lines    lines in reading order
 * @param source   the format the text came from ({@code alto}, {@code hocr}, {@code ndlocr}, {@code plain})
 */
public record PageText(int page, int width, int height, boolean vertical, List<TextLine> lines, String source) {
    public PageText {
        if (page < 1) {
            throw new IllegalArgumentException("pages are numbered from 1: " + page);
        }
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** The page's text, one line per line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (TextLine l : lines) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(l.text());
        }
        return sb.toString();
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return lines.stream().allMatch(l -> l.text().isBlank());
    }

    /** The same text numbered as another page (text files are matched to pages after reading). */
    public PageText withPage(int number) {
        return new PageText(number, width, height, vertical, lines, source);
    }

    /** Where each line starts in {@link #text()}. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public int[] lineOffsets() {
        int[] out = new int[lines.size()];
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            out[i] = at;
            at += lines.get(i).text().length() + 1;
        }
        return out;
    }

    /** True when most lines with boxes are taller than wide (vertical writing). */
    public static boolean mostlyVertical(List<TextLine> lines) {
        int vertical = 0;
        int known = 0;
        for (TextLine l : lines) {
            if (l.box() != null && l.box().w() > 0 && l.text().codePointCount(0, l.text().length()) > 1) {
                known++;
                if (l.box().h() > l.box().w()) {
                    vertical++;
                }
            }
        }
        return known > 0 && vertical * 2 > known;
    }

    /** Lines marked vertical when their box is taller than wide. */
    public static List<TextLine> markVertical(List<TextLine> lines) {
        List<TextLine> out = new ArrayList<>(lines.size());
        for (TextLine l : lines) {
            boolean v = l.vertical() || (l.box() != null && l.box().h() > l.box().w() && l.text().codePointCount(0, l.text().length()) > 1);
            out.add(v == l.vertical() ? l : new TextLine(l.text(), l.box(), l.words(), v));
        }
        return out;
    }
}
