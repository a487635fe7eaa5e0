package org.kura.fulltext;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a hit (a span of a page's text) is on the page image: one box per line the hit crosses. With
 * word boxes (ALTO, hOCR) the box is the words the hit touches; with line boxes only (NDLOCR) it is
 * the part of the line in proportion to the characters, down the line for vertical writing and across
 * it otherwise; without coordinates (plain text) there is none and the hit is the whole page.
 */
public final class HitBoxes {
    private HitBoxes() {
    }

    /** The boxes of the span [start, end) of {@link PageText#text()}; empty when the page has no coordinates. */
    public static List<Box> locate(PageText page, int start, int end) {
        List<Box> out = new ArrayList<>();
        int[] offsets = page.lineOffsets();
        for (int i = 0; i < page.lines().size(); i++) {
            TextLine line = page.lines().get(i);
            int from = offsets[i];
            int to = from + line.text().length();
            if (end <= from || start >= to || line.box() == null) {
                continue;
            }
            int a = Math.max(start, from) - from;
            int b = Math.min(end, to) - from;
            Box box = fromWords(line, a, b);
            out.add(box != null ? box : proportional(line, a, b));
        }
        return out;
    }

    /** The union of the boxes of the words overlapping [a, b) of the line, or null when words have no boxes. */
    private static Box fromWords(TextLine line, int a, int b) {
        if (line.words().isEmpty()) {
            return null;
        }
        Box box = null;
        int cursor = 0;
        for (TextLine.Word w : line.words()) {
            int at = line.text().indexOf(w.text(), cursor);
            if (at < 0 || w.box() == null) {
                return null; // words do not spell the line: fall back to proportions
            }
            int wEnd = at + w.text().length();
            cursor = wEnd;
            if (wEnd > a && at < b) {
                Box part = partOfWord(w, line.vertical(), Math.max(a, at) - at, Math.min(b, wEnd) - at);
                box = box == null ? part : box.union(part);
            }
        }
        return box;
    }

    /** A word longer than the hit (Japanese OCR often gives whole phrases as one word): the hit's share of it. */
    private static Box partOfWord(TextLine.Word w, boolean vertical, int a, int b) {
        int n = w.text().length();
        if (n <= 1 || (a == 0 && b == n)) {
            return w.box();
        }
        return share(w.box(), vertical, a, b, n);
    }

    private static Box proportional(TextLine line, int a, int b) {
        return share(line.box(), line.vertical(), a, b, Math.max(1, line.text().length()));
    }

    private static Box share(Box box, boolean vertical, int a, int b, int n) {
        if (vertical) {
            int y0 = box.y() + (int) Math.floor((double) box.h() * a / n);
            int y1 = box.y() + (int) Math.ceil((double) box.h() * b / n);
            return new Box(box.x(), y0, box.w(), Math.max(1, y1 - y0));
        }
        int x0 = box.x() + (int) Math.floor((double) box.w() * a / n);
        int x1 = box.x() + (int) Math.ceil((double) box.w() * b / n);
        return new Box(x0, box.y(), Math.max(1, x1 - x0), box.h());
    }
}
