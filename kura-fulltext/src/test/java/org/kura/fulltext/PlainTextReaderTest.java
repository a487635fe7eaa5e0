package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kura.fulltext.TextFixtures.texts;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/** Plain text files: one line per line, no boxes, any of the encodings {@link TextDecoding} takes. */
class PlainTextReaderTest {
    final PlainTextReader reader = new PlainTextReader();

    @Test
    void shiftJisWithWindowsLineBreaks() {
        byte[] bytes = "吾輩は猫である。名前はまだ無い。\r\n\r\nどこで生れたかとんと見当がつかぬ。\r\n\r\n".getBytes(Charset.forName("windows-31j"));

        PageText page = reader.read(bytes, 2);

        assertThat(page.page()).isEqualTo(2);
        assertThat(page.source()).isEqualTo("plain");
        assertThat(page.vertical()).isFalse();
        assertThat(page.width()).isZero();
        assertThat(texts(page)).containsExactly("吾輩は猫である。名前はまだ無い。", "", "どこで生れたかとんと見当がつかぬ。");
        assertThat(page.lines()).allSatisfy(l -> {
            assertThat(l.box()).isNull();
            assertThat(l.vertical()).isFalse();
        });
        assertThat(page.text()).isEqualTo("吾輩は猫である。名前はまだ無い。\n\nどこで生れたかとんと見当がつかぬ。");
    }

    @Test
    void eucJpAndUtf8WithByteOrderMark() {
        byte[] euc = "It is a truth universally acknowledged,\n吾輩は猫である。".getBytes(Charset.forName("EUC-JP"));
        byte[] bom = TextDecodingTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, TextFixtures.utf8("一行目\n二行目"));

        assertThat(texts(reader.read(euc, 1))).containsExactly("It is a truth universally acknowledged,", "吾輩は猫である。");
        assertThat(texts(reader.read(bom, 1))).containsExactly("一行目", "二行目");
    }

    @Test
    void emptyFileIsAnEmptyPage() {
        PageText page = reader.read(new byte[0], 9);

        assertThat(page.lines()).isEmpty();
        assertThat(page.isEmpty()).isTrue();
        assertThat(page.page()).isEqualTo(9);
        assertThat(reader.read(TextFixtures.utf8("\n \n"), 9).lines()).isEmpty();
    }

    @Test
    void binaryIsRefused() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

        assertThat(reader.accepts(zip)).isFalse();
        assertThatThrownBy(() -> reader.read(zip, 1)).isInstanceOf(TextFormatException.class)
                .hasMessageContaining("binary data");
    }

    @Test
    void aPageOfMoreThan200000CharactersIsRefused() {
        String line = "あ".repeat(99) + "\n"; // 100 characters with its line break
        byte[] exactly = TextFixtures.utf8(line.repeat(2000).strip()); // 199,999 characters
        byte[] over = TextFixtures.utf8(line.repeat(2001));

        assertThat(reader.read(exactly, 1).text()).hasSize(199_999);
        assertThatThrownBy(() -> reader.read(over, 1))
                .isInstanceOf(TextFormatException.class)
                .hasMessage("page text is too long: more than 200000 characters on one page");
    }
}
