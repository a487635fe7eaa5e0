package org.kura.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kanji numerals in dates to Arabic digits: positional ({@code 二〇一九} → 2019) and with unit
 * characters ({@code 四十} → 40, {@code 三十一} → 31, {@code 千九百六十五} → 1965).
 */
final class KanjiNumerals {
    private static final Pattern RUN = Pattern.compile("[〇零一二三四五六七八九十百千]+");
    private static final String DIGITS = "〇一二三四五六七八九";

    private KanjiNumerals() {
    }

    static String replace(String s) {
        Matcher m = RUN.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Integer.toString(value(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static int value(String run) {
        String r = run.replace('零', '〇');
        if (r.chars().noneMatch(c -> c == '十' || c == '百' || c == '千')) {
            int v = 0;
            for (char c : r.toCharArray()) {
                v = v * 10 + DIGITS.indexOf(c);
            }
            return v;
        }
        int total = 0;
        int digit = 0;
        for (char c : r.toCharArray()) {
            int d = DIGITS.indexOf(c);
            if (d >= 0) {
                digit = d;
                continue;
            }
            int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
            total += (digit == 0 ? 1 : digit) * unit;
            digit = 0;
        }
        return total + digit;
    }
}
