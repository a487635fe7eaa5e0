package org.kura.model;

import java.text.Normalizer;

/** Text for matching: NFKC, trimmed, whitespace collapsed. The original is always kept for display. */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static String forMatching(String s) {
        if (s == null) {
            return null;
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return n.replaceAll("[\\s\\u3000]+", " ").strip();
    }
}
