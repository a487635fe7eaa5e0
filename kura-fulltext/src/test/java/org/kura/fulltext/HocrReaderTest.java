package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kura.fulltext.TextFixtures.bytes;
import static org.kura.fulltext.TextFixtures.texts;
import static org.kura.fulltext.TextFixtures.utf8;
import static org.kura.fulltext.TextFixtures.verticals;

import org.junit.jupiter.api.Test;

/** hOCR as Tesseract writes it (fixtures/text/README.md), Tesseract's optional extras, and broken hOCR. */
class HocrReaderTest {
    final HocrReader reader = new HocrReader();

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\"\n"
            + "    \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n <head><title></title></head>\n <body>\n"
            + "  <div class='ocr_page' id='page_1' title='image \"scan;01.png\"; bbox 0 0 1000 1400; ppageno 0'>\n";
    static final String TAIL = "  </div>\n </body>\n</html>\n";

    static byte[] hocr(String body) {
        return utf8(HEAD + body + TAIL);
    }

    @Test
    void tesseractEnglishPage() {
        PageText page = reader.read(bytes("hocr-tesseract-en.hocr"), 12);

        assertThat(page.page()).isEqualTo(12);
        assertThat(page.source()).isEqualTo("hocr");
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
        assertThat(alice.words().get(0)).isEqualTo(new TextLine.Word("Alice", new Box(180, 520, 95, 38)));
        assertThat(page.lines().get(1).words().get(2)).isEqualTo(new TextLine.Word("Rabbit-Hole", new Box(815, 368, 209, 44)));
        assertThat(page.lines().get(7).box()).isEqualTo(new Box(560, 1900, 574, 34));
    }

    @Test
    void tesseractJapaneseVerticalColumns() {
        PageText page = reader.read(bytes("hocr-tesseract-jpn-vert.hocr"), 3);

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
        assertThat(verticals(page)).containsExactly(true, true, false, true, true, true);
        TextLine column = page.lines().get(5);
        assertThat(column.box()).isEqualTo(new Box(850, 300, 60, 1320));
        assertThat(column.words()).extracting(TextLine.Word::text).containsExactly("ニャーニャー", "泣いて", "いた", "事だけは", "記憶して", "いる。");
        assertThat(column.words().get(1).box()).isEqualTo(new Box(850, 660, 60, 180));
    }

    @Test
    void aGarbageBboxDropsTheBoxAndKeepsTheText() {
        byte[] bytes = hocr("""
                   <span class='ocr_line' id='line_1_1' title="bbox 100 200 500 240; x_size 40">
                    <span class='ocrx_word' id='word_1_1' title='bbox 100 200 180 240; x_wconf 95'>good</span>
                    <span class='ocrx_word' id='word_1_2' title='bbox 200 200 x 240; x_wconf 90'>letters</span>
                    <span class='ocrx_word' id='word_1_3' title='bbox 300 200 260 240; x_wconf 90'>backwards</span>
                    <span class='ocrx_word' id='word_1_4' title='bbox 1 2 3; x_wconf 90'>three</span>
                   </span>
                   <span class='ocr_line' id='line_1_2' title="bbox garbage">
                    <span class='ocrx_word' id='word_1_5' title='bbox 100 300 180 340'>line</span>
                    <span class='ocrx_word' id='word_1_6' title='bbox 200 310 260 350'>box</span>
                   </span>
                """);

        PageText page = reader.read(bytes, 1);

        assertThat(texts(page)).containsExactly("good letters backwards three", "line box");
        assertThat(page.lines().get(0).words()).extracting(TextLine.Word::box)
                .containsExactly(new Box(100, 200, 80, 40), null, null, null);
        assertThat(page.lines().get(0).box()).isEqualTo(new Box(100, 200, 400, 40));
        // the line's own bbox is garbage: the box around its words stands in
        assertThat(page.lines().get(1).box()).isEqualTo(new Box(100, 300, 160, 50));
    }

    @Test
    void entitiesDecodeAndTesseractsCharacterBoxesAndChoicesAreNotText() {
        byte[] bytes = hocr("""
                   <span class='ocr_line' id='line_1_1' title="bbox 0 0 900 40">
                    <span class='ocrx_word' id='word_1_1' title='bbox 0 0 100 40; x_wconf 95'>&lt;b&gt;&amp;&#39;&quot;&#x732B;&#29483;</span>
                    <span class='ocrx_word' id='word_1_2' title='bbox 120 0 200 40; x_wconf 95'>
                     <span class='ocrx_cinfo' title='x_bboxes 120 0 150 40; x_conf 99'>T</span>
                     <span class='ocrx_cinfo' title='x_bboxes 150 0 175 40; x_conf 98'>h</span>
                     <span class='ocrx_cinfo' title='x_bboxes 175 0 200 40; x_conf 97'>e</span>
                    </span>
                    <span class='ocrx_word' id='word_1_3' title='bbox 220 0 300 40; x_wconf 80'>cat
                     <span class='ocrx_cinfo' id='lstm_choices_1_3_1'>
                      <span class='ocrx_cinfo' id='choice_1_3_1' title='x_confs 80'>c</span>
                      <span class='ocrx_cinfo' id='choice_1_3_2' title='x_confs 12'>e</span>
                     </span>
                     <span class='ocr_symbol' id='symbol_1_3_1'><span class='ocrx_cinfo' id='timestep1_3_1'>x</span></span>
                    </span>
                    <span class='ocrx_word' id='word_1_4' title='bbox 320 0 400 40'>a&nbsp;b</span>
                   </span>
                """);

        PageText page = reader.read(bytes, 1);

        assertThat(page.lines()).singleElement().satisfies(line -> {
            assertThat(line.words()).extracting(TextLine.Word::text).containsExactly("<b>&'\"猫猫", "The", "cat", "a\u00A0b");
            assertThat(line.text()).isEqualTo("<b>&'\"猫猫 The cat a\u00A0b");
        });
    }

    @Test
    void linesWithoutWordsOtherLineClassesWordsOutsideLinesAndTextangle() {
        byte[] bytes = hocr("""
                   <span class='ocrx_line' title='bbox 10 10 400 50'>A line of  text
                    without words</span>
                   <span class='ocr_textfloat' title='bbox 10 60 400 100'><span class='ocrx_word' title='bbox 10 60 100 100'>Float</span></span>
                   <p class='ocr_par'><span class='ocrx_word' title='bbox 10 110 100 150'>Stray</span></p>
                   <span class='ocr_line' title='bbox 500 10 540 500; textangle 90'><span class='ocrx_word' title='bbox 500 10 540 500'>Sideways</span></span>
                   <span class='ocr_line' title='bbox 10 600 400 640; textangle 90'><span class='ocrx_word' title='bbox 10 600 400 640'>Turned</span></span>
                """);

        PageText page = reader.read(bytes, 1);

        assertThat(texts(page)).containsExactly("A line of text without words", "Float", "Stray", "Sideways", "Turned");
        assertThat(page.lines().get(0).box()).isEqualTo(new Box(10, 10, 390, 40));
        assertThat(page.lines().get(0).words()).isEmpty();
        assertThat(page.lines().get(2).box()).isEqualTo(new Box(10, 110, 90, 40));
        assertThat(verticals(page)).containsExactly(false, false, false, true, true);
        assertThat(page.width()).isEqualTo(1000);
    }

    @Test
    void titlePropertiesSplitOnSemicolonsOutsideQuotes() {
        String title = "image \"scan;01.png\"; bbox 0 0 1000 1400; ppageno 0; scan_res 300 300";

        assertThat(HocrReader.property(title, "image")).isEqualTo("\"scan;01.png\"");
        assertThat(HocrReader.bbox(title)).isEqualTo(new Box(0, 0, 1000, 1400));
        assertThat(HocrReader.property(title, "scan_res")).isEqualTo("300 300");
        assertThat(HocrReader.property(title, "bbo")).isNull();
        assertThat(HocrReader.bbox("x_bboxes 1 2 3 4")).isNull();
    }

    @Test
    void anExternalDtdIsNeverFetched() {
        // were the DTD read, /etc/passwd would fail to parse as one; it is passed over
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE html SYSTEM \"file:///etc/passwd\">\n"
                + "<html><body><div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line'>"
                + "<span class='ocrx_word' title='bbox 1 1 5 5'>safe</span></span></div></body></html>";

        assertThat(texts(reader.read(utf8(xml), 1))).containsExactly("safe");
    }

    @Test
    void aDoctypeWithDeclarationsIsRefused() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<html><body><div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line'><span class='ocrx_word'>&xxe;</span></span></div></body></html>";

        assertThatThrownBy(() -> reader.read(utf8(xml), 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessageContaining("DOCTYPE is refused")
                .hasMessageNotContaining("root:");
    }

    @Test
    void brokenHocrIsRefused() {
        assertThatThrownBy(() -> reader.read(hocr("<span class='ocr_line'><span class='ocrx_word'>a</span>\n"), 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessageStartingWith("hOCR is not well-formed XML at line 9, column ");
        assertThatThrownBy(() -> reader.read(utf8("<html><body><p>no OCR here</p></body></html>"), 1))
                .hasMessage("not hOCR: no element of class ocr_page");
        assertThatThrownBy(() -> reader.read(utf8("<alto/>"), 1))
                .hasMessage("not hOCR: the root element is <alto>, not <html>");
        assertThatThrownBy(() -> reader.read(hocr("</div><div class='ocr_page' title='bbox 0 0 5 5'>"), 1))
                .hasMessageContaining("more than one ocr_page");
    }

    @Test
    void acceptsHtmlWithAnOcrPage() {
        assertThat(reader.accepts(bytes("hocr-tesseract-en.hocr"))).isTrue();
        assertThat(reader.accepts(bytes("hocr-tesseract-jpn-vert.hocr"))).isTrue();
        assertThat(reader.accepts(utf8("<!DOCTYPE html><html><body><p>a web page</p></body></html>"))).isFalse();
        assertThat(reader.accepts(bytes("alto-v3-tesseract-en.xml"))).isFalse();
    }
}
