package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kura.fulltext.TextFixtures.bytes;
import static org.kura.fulltext.TextFixtures.texts;
import static org.kura.fulltext.TextFixtures.utf8;
import static org.kura.fulltext.TextFixtures.verticals;

import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ALTO v2/v3/v4 on fixtures shaped like FineReader's and Tesseract's output (fixtures/text/README.md), and hostile ALTO. */
class AltoReaderTest {
    final AltoReader reader = new AltoReader();

    @Test
    void tesseractAltoV3English() {
        PageText page = reader.read(bytes("alto-v3-tesseract-en.xml"), 4);

        assertThat(page.page()).isEqualTo(4);
        assertThat(page.source()).isEqualTo("alto");
        assertThat(page.width()).isEqualTo(1700);
        assertThat(page.height()).isEqualTo(2200);
        assertThat(page.vertical()).isFalse();
        assertThat(texts(page)).containsExactly(
                "CHAPTER I.",
                "Down the Rabbit-Hole",
                "Alice was beginning to get very tired of sitting by her sister on the",
                "bank, and of having nothing to do: once or twice she had peeped into",
                "the book her sister was reading, but it had no pictures or conversations",
                "in it, \"and what is the use of a book,\" thought Alice \"without pictures",
                "or conversations?\"",
                "The White Rabbit's & his watch.");
        assertThat(verticals(page)).containsOnly(false);
        TextLine alice = page.lines().get(2);
        assertThat(alice.box()).isEqualTo(new Box(180, 520, 1272, 38));
        assertThat(alice.words()).hasSize(14);
        assertThat(alice.words().get(0)).isEqualTo(new TextLine.Word("Alice", new Box(180, 520, 95, 38)));
        assertThat(alice.words().get(13)).isEqualTo(new TextLine.Word("the", new Box(1395, 520, 57, 38)));
    }

    @Test
    void fineReaderAltoV2InTenthsOfMillimetresKeepsItsUnitAndTheLineEndHyphen() {
        PageText page = reader.read(bytes("alto-v2-finereader-mm10-en.xml"), 7);

        // mm10: no resolution in the file, so page size and boxes stay in tenths of a millimetre
        assertThat(page.width()).isEqualTo(1270);
        assertThat(page.height()).isEqualTo(1905);
        assertThat(texts(page)).containsExactly(
                "1",
                "Chapter 1",
                "It is a truth universally acknowledged, that a single man in pos-",
                "session of a good fortune, must be in want of a wife.",
                "However little known the feelings or views of such a man may be",
                "on his first entering a neighbourhood, this truth is so well");
        assertThat(page.lines().get(0).box()).isEqualTo(new Box(622, 110, 26, 24));
        TextLine hyphenated = page.lines().get(2);
        assertThat(hyphenated.box()).isEqualTo(new Box(120, 273, 853, 28));
        TextLine.Word last = hyphenated.words().get(hyphenated.words().size() - 1);
        assertThat(last.text()).isEqualTo("pos-");
        // the String's box and the HYP's (HPOS 963, WIDTH 10) together
        assertThat(last.box().x() + last.box().w()).isEqualTo(973);
        assertThat(page.vertical()).isFalse();
    }

    @Test
    void altoV4JapaneseVerticalColumnsInReadingOrder() {
        PageText page = reader.read(bytes("alto-v4-jpn-vertical.xml"), 3);

        assertThat(page.width()).isEqualTo(1600);
        assertThat(page.height()).isEqualTo(2400);
        assertThat(page.vertical()).isTrue();
        assertThat(texts(page)).containsExactly(
                "吾輩は猫である",
                "夏目漱石",
                "一",
                "吾輩は猫である。名前はまだ無い。",
                "どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所で",
                "ニャーニャー泣いていた事だけは記憶している。");
        // a one-character column is not called vertical by its shape; every longer one is
        assertThat(verticals(page)).containsExactly(true, true, false, true, true, true);
        TextLine first = page.lines().get(3);
        assertThat(first.box()).isEqualTo(new Box(1050, 300, 60, 960));
        assertThat(first.words()).extracting(TextLine.Word::text).containsExactly("吾輩は", "猫で", "ある。", "名前は", "まだ", "無い。");
        assertThat(first.words().get(5).box()).isEqualTo(new Box(1050, 1080, 60, 180));
        assertThat(page.text()).doesNotContain("撫"); // a Glyph's Variant is not text
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " xmlns=\"http://schema.ccs-gmbh.com/ALTO\"", " xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\""})
    void oldNamespacesDecimalCoordinatesAndRotatedBlocks(String namespace) {
        String xml = "<alto" + namespace + "><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout>"
                + "<Page ID=\"P1\" WIDTH=\"800.4\" HEIGHT=\"1200.6\"><PrintSpace>"
                + "<TextBlock ID=\"B1\" ROTATION=\"90\"><TextLine HPOS=\"10.4\" VPOS=\"20.5\" WIDTH=\"300\" HEIGHT=\"40\">"
                + "<String CONTENT=\"Spine\" HPOS=\"10\" VPOS=\"20\" WIDTH=\"120\" HEIGHT=\"40\"/><SP/>"
                + "<String CONTENT=\"title\" HPOS=\"146\" VPOS=\"20\" WIDTH=\"120\" HEIGHT=\"40\"/></TextLine></TextBlock>"
                + "<TextBlock ID=\"B2\"><TextLine HPOS=\"10\" VPOS=\"100\" WIDTH=\"300\" HEIGHT=\"40\">"
                + "<String CONTENT=\"Upright\"/></TextLine></TextBlock>"
                + "</PrintSpace></Page></Layout></alto>";

        PageText page = reader.read(utf8(xml), 1);

        assertThat(page.width()).isEqualTo(800);
        assertThat(page.height()).isEqualTo(1201);
        assertThat(texts(page)).containsExactly("Spine title", "Upright");
        assertThat(page.lines().get(0).box()).isEqualTo(new Box(10, 21, 300, 40));
        assertThat(verticals(page)).containsExactly(true, false);
        assertThat(page.lines().get(1).words()).containsExactly(new TextLine.Word("Upright", null));
    }

    @Test
    void aBrokenCoordinateDropsTheBoxNotTheWord() {
        String xml = "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Layout><Page WIDTH=\"abc\" HEIGHT=\"-5\">"
                + "<PrintSpace><TextBlock><TextLine>"
                + "<String CONTENT=\"good\" HPOS=\"0\" VPOS=\"0\" WIDTH=\"40\" HEIGHT=\"20\"/>"
                + "<String CONTENT=\"bad\" HPOS=\"NaN\" VPOS=\"0\" WIDTH=\"40\" HEIGHT=\"20\"/>"
                + "<String CONTENT=\"negative\" HPOS=\"60\" VPOS=\"0\" WIDTH=\"-40\" HEIGHT=\"20\"/>"
                + "</TextLine></TextBlock></PrintSpace></Page></Layout></alto>";

        PageText page = reader.read(utf8(xml), 1);

        assertThat(page.width()).isZero();
        assertThat(page.height()).isZero();
        TextLine line = page.lines().get(0);
        assertThat(line.text()).isEqualTo("good bad negative");
        assertThat(line.words()).extracting(TextLine.Word::box).containsExactly(new Box(0, 0, 40, 20), null, null);
        assertThat(line.box()).isEqualTo(new Box(0, 0, 40, 20));
    }

    @Test
    void notWellFormedIsRefusedWithWhere() {
        String xml = "<?xml version=\"1.0\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v2#\">\n"
                + "<Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"x\"></TextLine>\n</alto>";

        assertThatThrownBy(() -> reader.read(utf8(xml), 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessageStartingWith("ALTO is not well-formed XML at line 3, column ")
                .hasMessageContaining("</TextLine>");
    }

    @Test
    void truncatedFileIsRefused() {
        byte[] whole = bytes("alto-v3-tesseract-en.xml");
        byte[] half = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> reader.read(half, 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessageContaining("ALTO is not well-formed XML at line ")
                .hasMessageContaining("end of input");
    }

    @Test
    void aDoctypeIsRefusedAndNeverResolved() {
        String system = "<?xml version=\"1.0\"?>\n<!DOCTYPE alto SYSTEM \"file:///etc/passwd\">\n"
                + "<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"x\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>";
        String entity = "<?xml version=\"1.0\"?>\n<!DOCTYPE alto [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"&xxe;\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>";

        for (String xml : new String[] {system, entity}) {
            assertThatThrownBy(() -> reader.read(utf8(xml), 1))
                    .isInstanceOf(TextFormatException.class)
                    .hasMessageContaining("DOCTYPE is refused")
                    .hasMessageNotContaining("root:");
        }
    }

    @Test
    void anUndeclaredEntityIsRefused() {
        String xml = "<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"a\"/>&nbsp;</TextLine></TextBlock></PrintSpace></Page></Layout></alto>";

        assertThatThrownBy(() -> reader.read(utf8(xml), 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessage("ALTO refers to an undeclared entity &nbsp;");
    }

    @Test
    void otherRootsNamespacesAndSeveralPagesAreRefused() {
        assertThatThrownBy(() -> reader.read(utf8("<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>"), 1))
                .hasMessage("not ALTO: the root element is <TEI>, not <alto>");
        assertThatThrownBy(() -> reader.read(utf8("<alto xmlns=\"http://example.org/not-alto\"/>"), 1))
                .hasMessage("not ALTO: the root element <alto> is in the namespace http://example.org/not-alto");
        assertThatThrownBy(() -> reader.read(utf8("<alto><Layout><Page/><Page/></Layout></alto>"), 1))
                .hasMessageContaining("more than one Page");
    }

    @Test
    void declaredShiftJisAndUndeclaredEucJp() {
        String body = "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout><Page WIDTH=\"100\" HEIGHT=\"400\"><PrintSpace><TextBlock>"
                + "<TextLine HPOS=\"10\" VPOS=\"10\" WIDTH=\"30\" HEIGHT=\"300\"><String CONTENT=\"吾輩は\"/><String CONTENT=\"猫である。\"/></TextLine>"
                + "</TextBlock></PrintSpace></Page></Layout></alto>";
        byte[] sjis = ("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n" + body).getBytes(Charset.forName("windows-31j"));
        byte[] euc = body.getBytes(Charset.forName("EUC-JP"));

        for (byte[] bytes : new byte[][] {sjis, euc}) {
            PageText page = reader.read(bytes, 1);
            assertThat(texts(page)).containsExactly("吾輩は猫である。");
            assertThat(page.vertical()).isTrue();
        }
    }

    @Test
    void bytesThatAreNotTheDeclaredEncodingAreRefused() {
        byte[] bytes = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><alto><Layout><Page><PrintSpace><TextBlock><TextLine>"
                + "<String CONTENT=\"猫\"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>").getBytes(Charset.forName("windows-31j"));

        assertThatThrownBy(() -> reader.read(bytes, 1)).hasMessage("text declared as UTF-8 is not valid UTF-8");
    }

    @Test
    void aPageOfMoreThan200000CharactersIsRefused() {
        String line = "<TextLine><String CONTENT=\"" + "x".repeat(999) + "\"/></TextLine>"; // 1,000 characters with its line break
        String within = "<alto><Layout><Page><PrintSpace><TextBlock>" + line.repeat(200) + "</TextBlock></PrintSpace></Page></Layout></alto>";
        String over = "<alto><Layout><Page><PrintSpace><TextBlock>" + line.repeat(201) + "</TextBlock></PrintSpace></Page></Layout></alto>";

        assertThat(reader.read(utf8(within), 1).text()).hasSize(199_999);
        assertThatThrownBy(() -> reader.read(utf8(over), 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessage("page text is too long: more than 200000 characters on one page");
    }

    @Test
    void acceptsAltoOnly() {
        assertThat(reader.accepts(bytes("alto-v2-finereader-mm10-en.xml"))).isTrue();
        assertThat(reader.accepts(bytes("alto-v4-jpn-vertical.xml"))).isTrue();
        assertThat(reader.accepts(bytes("hocr-tesseract-en.hocr"))).isFalse();
        assertThat(reader.accepts(bytes("ndlocr-v2-jpn-vertical.xml"))).isFalse();
        assertThat(reader.accepts(utf8("alto"))).isFalse();
    }
}
