package org.kura.model.xml;

/** Text that XML 1.0 can carry, whatever a provider sent. */
public final class XmlText {
    private XmlText() {
    }

    /**
     * The text without the characters XML 1.0 forbids: control characters other than tab, newline and carriage
     * return, lone surrogates, U+FFFE and U+FFFF. Returns {@code s} itself when there is nothing to drop.
     */
    public static String clean(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
