package org.kura.fulltext.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kura.fulltext.PageText;
import org.kura.fulltext.TextLine;

class ParagraphsTest {

    @Test
    void typedLinesStayLines() {
        PageText p = new PageText(1, 0, 0, false, List.of(TextLine.of("one"), TextLine.of("two"), TextLine.of(""),
                TextLine.of("three")), "plain");
        assertThat(Paragraphs.of(p)).containsExactly("one", "two", "three");
    }

    @Test
    void aHeadingInLargerTypeIsNotRunIntoTheText() {
        PageText p = new PageText(1, 0, 0, false, List.of(
                new TextLine("The first line of text that runs full width", new org.kura.fulltext.Box(100, 100, 900, 30), List.of(), false),
                new TextLine("and the last line of the paragraph runs full.", new org.kura.fulltext.Box(100, 140, 900, 30), List.of(), false),
                new TextLine("A BIG HEADING IN BIG TYPE, FULL WIDTH TOO!!", new org.kura.fulltext.Box(100, 180, 900, 60), List.of(), false),
                new TextLine("More text follows under the heading, full.", new org.kura.fulltext.Box(100, 250, 900, 30), List.of(), false)),
                "alto");
        assertThat(Paragraphs.of(p)).containsExactly(
                "The first line of text that runs full width and the last line of the paragraph runs full.",
                "A BIG HEADING IN BIG TYPE, FULL WIDTH TOO!!",
                "More text follows under the heading, full.");
    }

    @Test
    void hyphenIsKeptBeforeACapitalAndDroppedBeforeALowercaseLetter() {
        PageText p = new PageText(1, 0, 0, false, List.of(
                Books.row(0, "a line that ends in a hyphenated exam-", 0),
                Books.row(1, "ple and then a line that ends in Anglo-", 0),
                Books.row(2, "Saxon and a third line of the same length", 0),
                Books.row(3, "and a fourth that is just as long as them", 0)), "hocr");
        assertThat(Paragraphs.of(p)).singleElement().asString()
                .contains("hyphenated example and").contains("Anglo-Saxon and");
    }

    @Test
    void fewLinesWithBoxesAreNotJoined() {
        PageText cover = Books.vertical(1, "吾輩は猫である", "夏目漱石");
        assertThat(Paragraphs.of(cover)).containsExactly("吾輩は猫である", "夏目漱石");
    }
}
