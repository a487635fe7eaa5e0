package org.kura.fulltext;

import java.util.ArrayList;
import java.util.List;

/** Collects one page's lines in reading order, within {@link PageLimits#MAX_CHARS}, and makes the page. */
final class PageLines {
    private final List<TextLine> lines = new ArrayList<>();
    private long chars = -1;

    void add(TextLine line) {
        chars += line.text().length() + 1L;
        if (chars > PageLimits.MAX_CHARS) {
            throw PageLimits.tooLong();
        }
        lines.add(line);
    }

    List<TextLine> lines() {
        return lines;
    }

    PageText build(int page, int width, int height, String source) {
        return build(page, width, height, lines, source);
    }

    /** The page, its lines marked vertical when taller than wide, the page vertical when most are. */
    static PageText build(int page, int width, int height, List<TextLine> lines, String source) {
        List<TextLine> marked = PageText.markVertical(lines);
        return new PageText(page, width, height, PageText.mostlyVertical(marked), marked, source);
    }
}
