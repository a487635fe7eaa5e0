package org.kura.fulltext.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kura.fulltext.Box;
import org.kura.fulltext.PageText;
import org.kura.fulltext.TextLine;

/**
 * Joins a page's lines into paragraphs for reading aloud, keeping their order. A screen reader
 * pauses at every paragraph, so a line per paragraph makes prose halt at every printed line end;
 * joining wrongly runs a heading into the text, which is worse, so lines are joined only where the
 * layout says they continue:
 * <ul>
 *   <li>a blank line ends a paragraph;</li>
 *   <li>a line that starts with an ideographic space ({@code U+3000}) or, in CJK text, an opening
 *       quote ({@code 「『（}) starts one (Japanese paragraph and dialogue starts);</li>
 *   <li>with boxes (OCR): a line shorter than the page's full lines ends one, an indented line or one
 *       in another type size starts one;</li>
 *   <li>without boxes (typed text), or with fewer than {@value #MIN_LINES} lines with boxes (a cover,
 *       a title page), every line is its own paragraph.</li>
 * </ul>
 * Joined lines follow {@link TextLine#separator}: nothing between CJK characters, a space otherwise;
 * a word hyphenated at a line end ({@code exam-} + {@code ple}) is joined without its hyphen, a
 * compound before a capital ({@code Anglo-} + {@code Saxon}) with it.
 */
final class Paragraphs {
    /** A line shorter than this share of a full line ends its paragraph. */
    static final double SHORT_LINE = 0.85;
    /** A line whose start is further in than this many characters is indented. */
    static final double INDENT_CHARS = 0.6;
    /** Lines whose character sizes differ by more than this share are in different type sizes. */
    static final double SIZE_CHANGE = 0.3;
    /** Fewer lines with boxes than this on a page (a cover, a title page) are not joined. */
    static final int MIN_LINES = 4;

    private Paragraphs() {
    }

    /** The page's paragraphs, in reading order, as cleaned text (not yet escaped). */
    static List<String> of(PageText page) {
        List<TextLine> lines = page.lines();
        boolean vertical = page.vertical() || PageText.mostlyVertical(lines);
        Layout layout = Layout.of(lines, vertical);
        List<String> out = new ArrayList<>();
        StringBuilder para = new StringBuilder();
        boolean prevEnds = true;
        TextLine prev = null;
        for (TextLine line : lines) {
            String raw = Xml.clean(line.text());
            String text = raw.strip();
            String lead = raw.substring(0, raw.length() - raw.stripLeading().length());
            if (!text.isEmpty() && lead.indexOf('\u3000') >= 0) {
                text = "\u3000" + text; // a Japanese paragraph indent, kept (strip() takes it as a space)
            }
            if (text.isEmpty()) {
                flush(para, out);
                prevEnds = true;
                prev = null;
                continue;
            }
            boolean starts = prevEnds || startsParagraph(text) || (layout != null && layout.startsNew(prev, line));
            if (starts) {
                flush(para, out);
                para.append(text);
            } else {
                join(para, text);
            }
            prevEnds = layout == null || layout.isShort(line);
            prev = line;
        }
        flush(para, out);
        return out;
    }

    private static boolean startsParagraph(String line) {
        int first = line.codePointAt(0);
        return first == 0x3000 || first == '「' || first == '『' || first == '（';
    }

    private static void join(StringBuilder para, String next) {
        int n = para.length();
        if (n >= 2 && isHyphen(para.charAt(n - 1)) && Character.isLetter(para.charAt(n - 2))
                && Character.isLetter(next.codePointAt(0))) {
            if (Character.isLowerCase(next.codePointAt(0))) {
                para.setLength(n - 1); // exam- ple: a word broken at the line end
            }
            para.append(next); // Anglo- Saxon: a hyphenated compound
            return;
        }
        String last = para.substring(para.offsetByCodePoints(n, -1));
        para.append(TextLine.separator(last, next)).append(next);
    }

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u00AD' || c == '\u2010' || c == '\u00AC';
    }

    private static void flush(StringBuilder para, List<String> out) {
        if (!para.isEmpty()) {
            out.add(para.toString());
            para.setLength(0);
        }
    }

    /** The page's line geometry: how long a full line is, where lines start, how big the type is. */
    private record Layout(boolean vertical, double fullLength, double medianStart, double medianSize) {

        /** Null when fewer than {@value #MIN_LINES} lines have boxes (too few to tell a full line). */
        static Layout of(List<TextLine> lines, boolean vertical) {
            List<Box> boxes = new ArrayList<>();
            for (TextLine l : lines) {
                if (usable(l.box()) && !l.text().isBlank()) {
                    boxes.add(l.box());
                }
            }
            if (boxes.size() < MIN_LINES) {
                return null;
            }
            double[] length = new double[boxes.size()];
            double[] start = new double[boxes.size()];
            double[] size = new double[boxes.size()];
            for (int i = 0; i < boxes.size(); i++) {
                Box b = boxes.get(i);
                length[i] = vertical ? b.h() : b.w();
                start[i] = vertical ? b.y() : b.x();
                size[i] = vertical ? b.w() : b.h();
            }
            return new Layout(vertical, quantile(length, 0.75), quantile(start, 0.5), quantile(size, 0.5));
        }

        boolean isShort(TextLine line) {
            return usable(line.box()) && length(line.box()) < SHORT_LINE * fullLength;
        }

        boolean startsNew(TextLine prev, TextLine line) {
            if (!usable(line.box())) {
                return false;
            }
            Box b = line.box();
            double size = vertical ? b.w() : b.h();
            if ((vertical ? b.y() : b.x()) - medianStart > INDENT_CHARS * medianSize) {
                return true;
            }
            if (prev != null && usable(prev.box())) {
                double prevSize = vertical ? prev.box().w() : prev.box().h();
                return Math.abs(size - prevSize) > SIZE_CHANGE * Math.max(size, prevSize);
            }
            return false;
        }

        private double length(Box b) {
            return vertical ? b.h() : b.w();
        }

        private static boolean usable(Box b) {
            return b != null && b.w() > 0 && b.h() > 0;
        }

        private static double quantile(double[] values, double q) {
            double[] v = values.clone();
            Arrays.sort(v);
            return v[(int) Math.ceil(q * (v.length - 1))];
        }
    }
}
