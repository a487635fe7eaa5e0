package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The encodings Japanese text files come in, each made here from a string, and bytes that are not text. */
class TextDecodingTest {
    static final String NEKO = "吾輩は猫である。名前はまだ無い。\nどこで生れたかとんと見当がつかぬ。";

    static byte[] encode(String s, String charset) {
        return s.getBytes(Charset.forName(charset));
    }

    @Test
    void utf8() {
        assertThat(TextDecoding.decode(encode(NEKO, "UTF-8"))).isEqualTo(new TextDecoding.Decoded(NEKO, "UTF-8"));
        assertThat(TextDecoding.decode(encode("plain ASCII", "US-ASCII"))).isEqualTo(new TextDecoding.Decoded("plain ASCII", "UTF-8"));
    }

    @Test
    void byteOrderMarks() {
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, encode(NEKO, "UTF-8"));
        byte[] utf16be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, encode(NEKO, "UTF-16BE"));
        byte[] utf16le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, encode(NEKO, "UTF-16LE"));

        assertThat(TextDecoding.decode(utf8)).isEqualTo(new TextDecoding.Decoded(NEKO, "UTF-8"));
        assertThat(TextDecoding.decode(utf16be)).isEqualTo(new TextDecoding.Decoded(NEKO, "UTF-16BE"));
        assertThat(TextDecoding.decode(utf16le)).isEqualTo(new TextDecoding.Decoded(NEKO, "UTF-16LE"));
    }

    @Test
    void shiftJisAsWindowsWrites() {
        // ～ ① 髙 are windows-31j (CP932), not in the JIS Shift_JIS table Java calls "Shift_JIS"
        String text = NEKO + "\n①　髙橋～";

        assertThat(TextDecoding.decode(encode(text, "windows-31j"))).isEqualTo(new TextDecoding.Decoded(text, "windows-31j"));
    }

    @Test
    void eucJp() {
        assertThat(TextDecoding.decode(encode(NEKO, "EUC-JP"))).isEqualTo(new TextDecoding.Decoded(NEKO, "EUC-JP"));
    }

    @Test
    void iso2022Jp() {
        assertThat(TextDecoding.decode(encode(NEKO, "ISO-2022-JP"))).isEqualTo(new TextDecoding.Decoded(NEKO, "ISO-2022-JP"));
    }

    @Test
    void veryShortJapaneseTextsStillDecodeRightly() {
        // too short for the detector: the strict decoders and the kana/kanji score decide
        assertThat(TextDecoding.decode(encode("ねこ", "EUC-JP"))).isEqualTo(new TextDecoding.Decoded("ねこ", "EUC-JP"));
        assertThat(TextDecoding.decode(encode("ねこ", "windows-31j"))).isEqualTo(new TextDecoding.Decoded("ねこ", "windows-31j"));
        assertThat(TextDecoding.decode(encode("猫", "windows-31j"))).isEqualTo(new TextDecoding.Decoded("猫", "windows-31j"));
    }

    @Test
    void lineBreaksAndControlCharacters() {
        byte[] bytes = encode("First line\r\nSecond line\rThird\tline with a stray \u0000 and a bell \u0007\u000Cnext page\u001B\n\u0000\u0000", "UTF-8");

        assertThat(TextDecoding.decode(bytes).text()).isEqualTo("First line\nSecond line\nThird\tline with a stray  and a bell next page\n");
    }

    @Test
    void binaryIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0x01, 0, 0, 0, 0x01, 0, 0x08, 0x06};

        assertThatThrownBy(() -> TextDecoding.decode(png))
                .isInstanceOf(TextFormatException.class)
                .hasMessageStartingWith("text is not UTF-8, Shift_JIS or EUC-JP");
    }

    @Test
    void bytesNoDecoderAcceptsAreRefused() {
        // Latin-1 "café crème" then bytes that are invalid in UTF-8, windows-31j and EUC-JP alike
        byte[] latin1 = concat("caf\u00e9 cr\u00e8me ".getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0x80, (byte) 0xFF, (byte) 0xFD});

        assertThatThrownBy(() -> TextDecoding.decode(latin1))
                .isInstanceOf(TextFormatException.class)
                .hasMessageStartingWith("text is not UTF-8, Shift_JIS or EUC-JP");
    }

    @Test
    void aBrokenByteOrderMarkedFileIsRefused() {
        byte[] bytes = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, encode(NEKO, "windows-31j"));

        assertThatThrownBy(() -> TextDecoding.decode(bytes)).hasMessage("text starts with a UTF-8 byte order mark but is not valid UTF-8");
    }

    @Test
    void declaredCharsets() {
        assertThat(TextDecoding.decode(encode("髙橋～", "windows-31j"), "Shift_JIS")).isEqualTo(new TextDecoding.Decoded("髙橋～", "windows-31j"));
        assertThat(TextDecoding.decode(encode(NEKO, "EUC-JP"), "euc-jp").text()).isEqualTo(NEKO);
        assertThatThrownBy(() -> TextDecoding.decode(encode(NEKO, "UTF-8"), "no-such-charset"))
                .hasMessage("text is in an unknown character encoding: no-such-charset");
    }

    @Test
    void emptyIsEmpty() {
        assertThat(TextDecoding.decode(new byte[0])).isEqualTo(new TextDecoding.Decoded("", "UTF-8"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
