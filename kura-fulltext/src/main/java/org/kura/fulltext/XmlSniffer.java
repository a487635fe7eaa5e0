package org.kura.fulltext;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks at the first bytes of a file the way an XML parser would, without parsing: past a byte order
 * mark, white space, the XML declaration, processing instructions, comments and a DOCTYPE, to the
 * root element's name. Used to pick a reader, never to read.
 */
final class XmlSniffer {
    /** How many bytes are looked at. */
    static final int HEAD = 8 * 1024;

    private static final Pattern ENCODING = Pattern.compile("^\\s*<\\?xml\\s[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private XmlSniffer() {
    }

    /** The first {@link #HEAD} bytes as characters: UTF-16 when a UTF-16 byte order mark says so, else byte by byte. */
    static String headText(byte[] bytes) {
        int n = Math.min(bytes.length, HEAD);
        Charset bom = TextDecoding.bomCharset(bytes);
        if (bom != null && bom != StandardCharsets.UTF_8) {
            return new String(bytes, 2, Math.max(0, n - 2), bom);
        }
        int skip = bom == null ? 0 : 3;
        return new String(bytes, skip, Math.max(0, n - skip), StandardCharsets.ISO_8859_1);
    }

    /**
     * The local name of the root element; "" when the file starts like XML (a declaration, comment or
     * DOCTYPE) but no element starts within the head; null when it does not start like XML at all.
     */
    static String rootName(byte[] bytes) {
        String s = headText(bytes);
        int i = 0;
        boolean xmlish = false;
        while (true) {
            while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '\uFEFF')) {
                i++;
            }
            if (i >= s.length() || s.charAt(i) != '<') {
                return xmlish ? "" : null;
            }
            if (s.startsWith("<?", i)) {
                int end = s.indexOf("?>", i + 2);
                if (end < 0) {
                    return "";
                }
                i = end + 2;
                xmlish = true;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) {
                    return "";
                }
                i = end + 3;
                xmlish = true;
            } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                i = endOfDoctype(s, i + 9);
                if (i < 0) {
                    return "";
                }
                xmlish = true;
            } else if (i + 1 < s.length() && isNameStart(s.charAt(i + 1))) {
                int start = i + 1;
                int end = start;
                while (end < s.length() && isNameChar(s.charAt(end))) {
                    end++;
                }
                String name = s.substring(start, end);
                return name.substring(name.indexOf(':') + 1);
            } else {
                return xmlish ? "" : null;
            }
        }
    }

    /** The encoding named in the XML declaration, or null when there is no declaration or it names none. */
    static String declaredEncoding(byte[] bytes) {
        Charset bom = TextDecoding.bomCharset(bytes);
        if (bom != null && bom != StandardCharsets.UTF_8) {
            return null;
        }
        int skip = bom == null ? 0 : 3;
        int n = Math.min(bytes.length - skip, 512);
        Matcher m = ENCODING.matcher(new String(bytes, skip, Math.max(0, n), StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1) : null;
    }

    /** True when the head mentions {@code word} (ASCII, case-insensitive), e.g. {@code ocr_page}. */
    static boolean headMentions(byte[] bytes, String word) {
        return headText(bytes).toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT));
    }

    /** Past the DOCTYPE's closing {@code >}, its internal subset and quoted strings skipped; -1 when it does not end in the head. */
    private static int endOfDoctype(String s, int i) {
        char quote = 0;
        int brackets = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == '>' && brackets <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** ASCII only: the formats read here have ASCII names, and "<" before Japanese text is not XML. */
    private static boolean isNameStart(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9' || c == ':' || c == '-' || c == '.';
    }
}
