package org.kura.fulltext.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kura.fulltext.Box;
import org.kura.fulltext.PageText;
import org.kura.fulltext.TextLine;

/** Books made for the export tests: real text (public domain), boxes laid out as OCR gives them. */
final class Books {
    static final Instant MODIFIED = Instant.parse("2024-05-01T09:30:00Z");

    private Books() {
    }

    /** A vertical column of Japanese text: columns run right to left, 40 px a character. */
    static TextLine column(int index, String text, int topIndentChars) {
        int chars = text.codePointCount(0, text.length());
        Box box = new Box(1600 - index * 60, 100 + topIndentChars * 40, 40, chars * 40);
        return new TextLine(text, box, List.of(), true);
    }

    /** A horizontal line of English text: 15 px a character, 40 px apart. */
    static TextLine row(int index, String text, int indentChars) {
        Box box = new Box(100 + indentChars * 15, 100 + index * 40, text.length() * 15, 30);
        return new TextLine(text, box, List.of(), false);
    }

    static PageText vertical(int page, String... columns) {
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            lines.add(column(i, columns[i], 0));
        }
        return new PageText(page, 1700, 1000, true, lines, "ndlocr");
    }

    /** 吾輩は猫である (夏目漱石, 1905), the opening, as three scanned pages: cover, p. 1, p. 2. */
    static AccessibleText neko() {
        PageText cover = vertical(1, "吾輩は猫である", "夏目漱石");
        PageText p1 = new PageText(2, 1700, 1000, true, List.of(
                column(0, "一", 4),
                column(1, "　吾輩は猫である。名前はまだ無い。", 0),
                column(2, "　どこで生れたかとんと見当がつかぬ。何で", 0),
                column(3, "も薄暗いじめじめした所でニャーニャー泣い", 0),
                column(4, "ていた事だけは記憶している。", 0)), "ndlocr");
        PageText p2 = new PageText(3, 1700, 1000, true, List.of(
                column(0, "　吾輩はここで始めて人間というものを見た。", 0),
                column(1, "しかもあとで聞くとそれは書生という人間中", 0),
                column(2, "で一番獰悪な種族であったそうだ。", 0),
                column(3, "「この書生というのは時々我々を捕えて煮て", 0),
                column(4, "食うという話である。」", 0)), "ndlocr");
        return new AccessibleText("neko-1905", "吾輩は猫である", "ja", List.of("夏目漱石"), "大倉書店", "1905",
                "パブリックドメイン（著作権保護期間満了）", List.of(cover, p1, p2), List.of("表紙", "p. 1", "p. 2"),
                MODIFIED);
    }

    /** Alice's Adventures in Wonderland (1865), the opening, two horizontal pages without labels. */
    static AccessibleText alice() {
        PageText p1 = new PageText(1, 1400, 2000, false, List.of(
                row(0, "CHAPTER I.", 30),
                row(1, "Down the Rabbit-Hole", 25),
                row(3, "Alice was beginning to get very tired of sitting by her sister on the", 2),
                row(4, "bank, and of having nothing to do: once or twice she had peeped into the", 0),
                row(5, "book her sister was reading, but it had no pictures or conver-", 0),
                row(6, "sations in it, \u201cand what is the use of a book,\u201d thought Alice", 0),
                row(7, "\u201cwithout pictures or conversations?\u201d", 0)), "alto");
        PageText p2 = new PageText(2, 1400, 2000, false, List.of(
                row(0, "So she was considering in her own mind (as well as she could, for the", 2),
                row(1, "hot day made her feel very sleepy and stupid), whether the pleasure of", 0),
                row(2, "making a daisy-chain would be worth the trouble of getting up and", 0),
                row(3, "picking the daisies, when suddenly a White Rabbit with pink eyes ran", 0),
                row(4, "close by her.", 0)), "alto");
        return new AccessibleText("alice-1865", "Alice\u2019s Adventures in Wonderland", "en",
                List.of("Lewis Carroll"), "Macmillan", "1865-11", "Public domain", List.of(p1, p2), List.of(), MODIFIED);
    }

    /** Text that tries to break out of its XML: markup, CDATA ends, entities, forbidden characters. */
    static AccessibleText hostile() {
        PageText p1 = new PageText(1, 0, 0, false, List.of(
                TextLine.of("</p><script>alert(\"x\")</script>"),
                TextLine.of("]]> &amp; &lt; <![CDATA[ x ]]>"),
                TextLine.of("bad\u0000\u0007chars\uFFFE\uD800here\u0085"),
                TextLine.of("<!-- c --><?pi x?>'\"")), "plain");
        PageText p2 = new PageText(2, 0, 0, false, List.of(TextLine.of("line\nbreak\r\nin a line")), "plain");
        return new AccessibleText("a/b c?<x>&", "</title><script>alert(1)</script>", "en",
                List.of("A & B <c>", "\u0001"), "<b>Pub</b>", "not a date <x>", "<i>CC0</i> & \"free\"",
                List.of(p1, p2), List.of("]]><x y=\"1\">", "\u0002"), MODIFIED);
    }

    /** A page with no lines and one with only blank lines between pages with text. */
    static AccessibleText withEmptyPages() {
        PageText p1 = new PageText(1, 0, 0, false, List.of(TextLine.of("Before.")), "plain");
        PageText p2 = new PageText(2, 0, 0, false, List.of(), "plain");
        PageText p3 = new PageText(3, 0, 0, false, List.of(TextLine.of(" "), TextLine.of("")), "plain");
        PageText p4 = new PageText(4, 0, 0, false, List.of(TextLine.of("After.")), "plain");
        return AccessibleText.of("empty-pages", "Blank pages", "en", List.of(), List.of(p1, p2, p3, p4), MODIFIED);
    }
}
