package org.kura.fulltext;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the bytes of a text file into a String, the way Japanese text files come: a byte order mark
 * (UTF-8, UTF-16) is honoured; UTF-8 is taken when the bytes are valid UTF-8; otherwise ISO-2022-JP,
 * Shift_JIS (decoded as windows-31j, the Windows variant every Japanese PC writes) or EUC-JP, chosen
 * with ICU's detector among those three only and always checked by a strict decoder. Nothing is
 * guessed past that: bytes that none of them decodes cleanly are refused, never turned into
 * replacement characters.
 *
 * <p>The text is cleaned for indexing: {@code \r\n} and {@code \r} become {@code \n}; NUL and the other
 * C0 control characters except tab and line feed are removed.
 */
public final class TextDecoding {

    /** The text and the charset it was decoded from (a Java charset name, e.g. {@code windows-31j}). */
    public record Decoded(String text, String charset) {
    }

    static final String SHIFT_JIS = "windows-31j";
    static final String EUC_JP = "EUC-JP";
    static final String ISO_2022_JP = "ISO-2022-JP";

    /** How much of the file the binary check and the detector look at. */
    private static final int SAMPLE = 64 * 1024;

    private TextDecoding() {
    }

    /**
     * Decodes a text file of unknown encoding.
     *
     * @throws TextFormatException when the bytes are binary or not UTF-8, UTF-16 (with BOM), ISO-2022-JP,
     *                             Shift_JIS or EUC-JP
     */
    public static Decoded decode(byte[] bytes) {
        if (bytes.length == 0) {
            return new Decoded("", StandardCharsets.UTF_8.name());
        }
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bom == StandardCharsets.UTF_8 ? 3 : 2;
            String text = strict(bytes, skip, bom);
            if (text == null) {
                throw new TextFormatException("text starts with a " + bom.name() + " byte order mark but is not valid " + bom.name());
            }
            return new Decoded(clean(text), bom.name());
        }
        if (looksBinary(bytes)) {
            throw new TextFormatException("text is not UTF-8, Shift_JIS or EUC-JP: the file looks like binary data (control bytes)");
        }
        if (isIso2022Jp(bytes)) {
            String text = strict(bytes, 0, Charset.forName(ISO_2022_JP));
            if (text != null) {
                return new Decoded(clean(text), ISO_2022_JP);
            }
        }
        String utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new Decoded(clean(utf8), StandardCharsets.UTF_8.name());
        }
        Decoded japanese = decodeJapanese(bytes);
        if (japanese == null) {
            throw new TextFormatException("text is not UTF-8, Shift_JIS or EUC-JP (no strict decoder accepts the bytes; "
                    + "save the file as UTF-8)");
        }
        return japanese;
    }

    /**
     * Decodes bytes whose charset is declared (an XML declaration, an HTTP header), strictly. Declared
     * Shift_JIS and its aliases are decoded as windows-31j; a byte order mark wins over the declaration.
     *
     * @throws TextFormatException when the charset is unknown or the bytes are not valid in it
     */
    public static Decoded decode(byte[] bytes, String declaredCharset) {
        Charset bom = bomCharset(bytes);
        Charset cs = bom != null ? bom : charsetFor(declaredCharset);
        int skip = bom == null ? 0 : bom == StandardCharsets.UTF_8 ? 3 : 2;
        String text = strict(bytes, skip, cs);
        if (text == null) {
            throw new TextFormatException("text declared as " + declaredCharset + " is not valid " + cs.name());
        }
        return new Decoded(clean(text), cs.name());
    }

    /** The charset for a declared name; the Shift_JIS family is read as windows-31j. */
    static Charset charsetFor(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis", "windows-31j", "ms932", "cp932" ->
                    Charset.forName(SHIFT_JIS);
            case "euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese" -> Charset.forName(EUC_JP);
            default -> {
                try {
                    yield Charset.forName(name.strip());
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new TextFormatException("text is in an unknown character encoding: " + name);
                }
            }
        };
    }

    /** The charset of a leading byte order mark, or null. */
    static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /**
     * True when the start of the file has more control bytes than text has: NUL and the C0 controls
     * other than tab, line feed, form feed, carriage return and escape (ISO-2022-JP) make up more than
     * a tenth of it. NULs that only pad the end of the file are not counted; a stray control
     * character in a text does not make it binary (it is removed when decoding).
     */
    static boolean looksBinary(byte[] b) {
        int end = b.length;
        while (end > 0 && b[end - 1] == 0) {
            end--;
        }
        int n = Math.min(end, SAMPLE);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r' && c != 0x1B) {
                controls++;
            }
        }
        return controls * 10 > n;
    }

    /** 7-bit bytes with the ISO-2022-JP escape to JIS X 0208 ({@code ESC $ B} or {@code ESC $ @}). */
    static boolean isIso2022Jp(byte[] b) {
        boolean escape = false;
        for (int i = 0; i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c >= 0x80) {
                return false;
            }
            if (c == 0x1B && i + 2 < b.length && b[i + 1] == '$' && (b[i + 2] == 'B' || b[i + 2] == '@')) {
                escape = true;
            }
        }
        return escape;
    }

    /**
     * Shift_JIS or EUC-JP: the ICU detector's Japanese matches, best first, each checked by a strict
     * decoder; when the detector has no opinion (short texts), whichever of the two decodes, the one
     * that reads as more ordinary Japanese when both do.
     */
    private static Decoded decodeJapanese(byte[] bytes) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(bytes.length > SAMPLE ? Arrays.copyOf(bytes, SAMPLE) : bytes);
        List<String> tried = new ArrayList<>();
        for (CharsetMatch m : detector.detectAll()) {
            String name = switch (m.getName()) {
                case "Shift_JIS" -> SHIFT_JIS;
                case "EUC-JP" -> EUC_JP;
                default -> null;
            };
            if (name == null || tried.contains(name) || m.getConfidence() < 10) {
                continue;
            }
            tried.add(name);
            String text = strict(bytes, 0, Charset.forName(name));
            if (text != null) {
                return new Decoded(clean(text), name);
            }
        }
        String sjis = tried.contains(SHIFT_JIS) ? null : strict(bytes, 0, Charset.forName(SHIFT_JIS));
        String euc = tried.contains(EUC_JP) ? null : strict(bytes, 0, Charset.forName(EUC_JP));
        if (sjis != null && (euc == null || japaneseScore(sjis) >= japaneseScore(euc))) {
            return new Decoded(clean(sjis), SHIFT_JIS);
        }
        return euc == null ? null : new Decoded(clean(euc), EUC_JP);
    }

    /**
     * How much a decoding reads like Japanese: kana, kanji and full-width punctuation count for it;
     * half-width katakana and private-use characters (what EUC-JP bytes turn into when read as
     * Shift_JIS) count against it.
     */
    static int japaneseScore(String s) {
        int score = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xFF61 && cp <= 0xFF9F || Character.getType(cp) == Character.PRIVATE_USE) {
                score -= 2;
            } else if (cp >= 0x3040 && cp <= 0x30FF || cp >= 0x3000 && cp <= 0x303F) {
                score += 2;
            } else if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                score += 1;
            }
        }
        return score;
    }

    /** The bytes from {@code offset} decoded with REPORT on malformed and unmappable input, or null. */
    static String strict(byte[] bytes, int offset, Charset cs) {
        try {
            return cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Line breaks to {@code \n}; NUL and other C0 controls except tab and line feed removed. */
    static String clean(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep = c >= 0x20 || c == '\n' || c == '\t';
            if (keep && sb == null) {
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(s.length());
                sb.append(s, 0, i);
            }
            if (keep) {
                sb.append(c);
            } else if (c == '\r') {
                sb.append('\n');
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
            }
        }
        return sb == null ? s : sb.toString();
    }
}
