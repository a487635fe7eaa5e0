package org.kura.fulltext.export;

/**
 * Text made safe for XML 1.0 and for the plain text export: characters that XML 1.0 forbids (C0
 * controls other than tab, lone surrogates, U+FFFE/U+FFFF) are dropped, and so are C1 controls and
 * the non-characters U+FDD0–U+FDEF, which never carry meaning in a page's text; a line break inside a
 * line becomes a space.
 */
final class Xml {
    private Xml() {
    }

    /** The text without the characters described above (never null; null gives ""). */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean keep = allowed(cp);
            int replacement = cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 ? ' ' : -1;
            if ((!keep || replacement >= 0) && sb == null) {
                sb = new StringBuilder(n).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement >= 0) {
                    sb.append((char) replacement);
                } else if (keep) {
                    sb.appendCodePoint(cp);
                }
            }
            i += len;
        }
        return sb == null ? s : sb.toString();
    }

    /** Cleans and escapes text for element content and (double-quoted) attribute values. */
    static String escape(String s) {
        String c = clean(s);
        StringBuilder sb = null;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            String rep = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\t' -> "&#9;";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(c.length() + 16).append(c, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(ch);
                }
            }
        }
        return sb == null ? c : sb.toString();
    }

    /** True for a code point kept in output (line breaks are kept here and turned into spaces by {@link #clean}). */
    static boolean allowed(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return true;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            return false;
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            return false; // a lone surrogate (a pair arrives here as one code point)
        }
        if (cp >= 0xFDD0 && cp <= 0xFDEF) {
            return false;
        }
        return cp != 0xFFFE && cp != 0xFFFF;
    }
}
