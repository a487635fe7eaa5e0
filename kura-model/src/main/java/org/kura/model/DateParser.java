package org.kura.model;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses dates of Japanese and Western catalogues into a sortable range, keeping the original.
 * Supports Japanese eras (明治・大正・昭和・平成・令和 and M/T/S/H/R, 元年, kanji numerals such as
 * 昭和四十年 or 二〇一九年), {@code 1965.4}, {@code 1965年4月1日}, W3CDTF, {@code [19--]},
 * {@code 196-}, {@code 19uu}, {@code c1900}, {@code [1965?]}, ranges ({@code 1990-1995},
 * {@code 1990-95}, {@code 平成2-3年}), open ranges ({@code 1990-}: start only), Western month names,
 * centuries ({@code 18th century}) and decades ({@code 1960s}). Pure function; never throws.
 */
public final class DateParser {
    private static final Map<String, Integer> ERAS = Map.ofEntries(
            Map.entry("明治", 1868), Map.entry("大正", 1912), Map.entry("昭和", 1926), Map.entry("平成", 1989),
            Map.entry("令和", 2019), Map.entry("M", 1868), Map.entry("T", 1912), Map.entry("S", 1926),
            Map.entry("H", 1989), Map.entry("R", 2019));
    private static final Pattern ERA = Pattern.compile(
            "(明治|大正|昭和|平成|令和|(?<![A-Za-z])[MTSHR](?=\\s*\\d))\\s*(\\d{1,2})"
                    + "(?:\\s*[-‐－–~～〜/]\\s*(?:(明治|大正|昭和|平成|令和)\\s*)?(\\d{1,2}))?\\s*年?"
                    + "(?:\\s*[.．]?\\s*(\\d{1,2})\\s*月?)?(?:\\s*[.．]?\\s*(\\d{1,2})\\s*日?)?");
    private static final Pattern YMD = Pattern.compile("^(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})\\s*日?$");
    private static final Pattern YM = Pattern.compile("^(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*月?$");
    private static final Pattern Y = Pattern.compile("^(\\d{4})\\s*年?$");
    private static final Pattern RANGE = Pattern.compile("^(\\d{4})\\s*[-‐－–/~～〜]\\s*(\\d{2,4})\\s*年?$");
    private static final Pattern OPEN = Pattern.compile("^(\\d{4})\\s*[-‐－–~～〜]$");
    private static final Pattern UNKNOWN_DIGITS = Pattern.compile("^(\\d{2,3})([-u?x]{1,2})$");
    private static final Pattern DECADE = Pattern.compile("^(\\d{3})0\\s*'?s$");
    private static final Pattern CENTURY = Pattern.compile("^(\\d{1,2})(?:st|nd|rd|th)\\s+cent(?:ury|\\.)?$");
    private static final Pattern CENTURY_JA = Pattern.compile("^(\\d{1,2})世紀$");
    private static final Pattern ANY_YEAR = Pattern.compile("(?<!\\d)(1[0-9]{3}|20[0-9]{2})(?!\\d)");
    private static final Pattern MONTH_FIRST = Pattern.compile("^([a-z]{3,9})\\.?\\s+(?:(\\d{1,2}),?\\s+)?(\\d{4})$");
    private static final Pattern DAY_FIRST = Pattern.compile("^(\\d{1,2})\\s+([a-z]{3,9})\\.?,?\\s+(\\d{4})$");
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private DateParser() {
    }

    public static DateValue parse(String text, DateType type) {
        String original = text == null ? "" : text;
        try {
            return parseOrUnparsed(original, type);
        } catch (DateTimeException | NumberFormatException e) {
            return unparsed(original, type);
        }
    }

    private static DateValue parseOrUnparsed(String original, DateType type) {
        String t = Normalizer.normalize(original, Normalizer.Form.NFKC).strip();
        if (t.isEmpty()) {
            return unparsed(original, type);
        }
        boolean approx = t.matches(".*[\\[\\]?？].*") || t.matches("(?i).*(\\bca?\\.|\\bcirca\\b|^c\\s*\\d|頃|ごろ|推定|\\?).*");
        t = t.replaceAll("(?i)\\b(circa|ca\\.?|c\\.)\\s*|^c(?=\\s*\\d)|頃|ごろ|推定|[\\[\\]]", "").strip();
        t = KanjiNumerals.replace(t).replace("元年", "1年");
        t = t.replaceAll("^(\\d{4})\\s*\\?$", "$1").strip();

        // W3CDTF / ISO 8601 with time
        if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            LocalDate d = OffsetDateTime.parse(t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}$") ? t : t + "Z").toLocalDate();
            return new DateValue(original, d, d, type, approx);
        }
        Matcher m;
        if ((m = YMD.matcher(t)).matches()) {
            LocalDate d = LocalDate.of(i(m, 1), i(m, 2), i(m, 3));
            return new DateValue(original, d, d, type, approx);
        }
        if ((m = YM.matcher(t)).matches() && i(m, 2) >= 1 && i(m, 2) <= 12) {
            return month(original, i(m, 1), i(m, 2), type, approx);
        }
        if ((m = Y.matcher(t)).matches()) {
            return years(original, i(m, 1), i(m, 1), type, approx);
        }
        if ((m = RANGE.matcher(t)).matches()) {
            int a = i(m, 1);
            String b = m.group(2);
            int end = b.length() == 4 ? Integer.parseInt(b) : Integer.parseInt(m.group(1).substring(0, 4 - b.length()) + b);
            return end >= a ? years(original, a, end, type, approx) : unparsed(original, type);
        }
        if ((m = OPEN.matcher(t)).matches()) {
            return new DateValue(original, LocalDate.of(i(m, 1), 1, 1), null, type, approx);
        }
        if ((m = UNKNOWN_DIGITS.matcher(t.toLowerCase(Locale.ROOT))).matches()) {
            String digits = m.group(1);
            int missing = 4 - digits.length();
            if (missing >= 1 && missing <= 2 && m.group(2).length() == missing) {
                int start = Integer.parseInt(digits) * (int) Math.pow(10, missing);
                return years(original, start, start + (int) Math.pow(10, missing) - 1, type, true);
            }
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if ((m = DECADE.matcher(lower)).matches()) {
            int start = Integer.parseInt(m.group(1)) * 10;
            return years(original, start, start + 9, type, approx);
        }
        if ((m = CENTURY.matcher(lower)).matches() || (m = CENTURY_JA.matcher(t)).matches()) {
            int c = Integer.parseInt(m.group(1));
            return years(original, (c - 1) * 100, (c - 1) * 100 + 99, type, true);
        }
        if ((m = MONTH_FIRST.matcher(lower)).matches() && monthOf(m.group(1)) > 0) {
            int month = monthOf(m.group(1));
            if (m.group(2) != null) {
                LocalDate d = LocalDate.of(i(m, 3), month, i(m, 2));
                return new DateValue(original, d, d, type, approx);
            }
            return month(original, i(m, 3), month, type, approx);
        }
        if ((m = DAY_FIRST.matcher(lower)).matches() && monthOf(m.group(2)) > 0) {
            LocalDate d = LocalDate.of(i(m, 3), monthOf(m.group(2)), i(m, 1));
            return new DateValue(original, d, d, type, approx);
        }
        // Western year in a longer text, e.g. "1965(昭和40)" or "昭和40年(1965)": trust the Western year
        Matcher any = ANY_YEAR.matcher(t);
        boolean western = any.find();
        Matcher era = ERA.matcher(t);
        if (era.find() && (!western || any.start() > era.start() && !t.contains("(" + any.group(1)))) {
            return eraDate(original, era, type, approx);
        }
        if (western) {
            int a = Integer.parseInt(any.group(1));
            int b = any.find() ? Integer.parseInt(any.group(1)) : a;
            return years(original, a, b >= a && b - a < 200 ? b : a, type, approx);
        }
        return unparsed(original, type);
    }

    private static DateValue eraDate(String original, Matcher m, DateType type, boolean approx) {
        int base = ERAS.get(m.group(1));
        int year = base + Integer.parseInt(m.group(2)) - 1;
        if (m.group(4) != null) {
            int endBase = m.group(3) != null ? ERAS.get(m.group(3)) : base;
            int endYear = endBase + Integer.parseInt(m.group(4)) - 1;
            return endYear >= year ? years(original, year, endYear, type, approx) : unparsed(original, type);
        }
        if (m.group(5) != null) {
            int month = Integer.parseInt(m.group(5));
            if (m.group(6) != null) {
                LocalDate d = LocalDate.of(year, month, Integer.parseInt(m.group(6)));
                return new DateValue(original, d, d, type, approx);
            }
            return month(original, year, month, type, approx);
        }
        return years(original, year, year, type, approx);
    }

    private static DateValue years(String original, int from, int to, DateType type, boolean approx) {
        return new DateValue(original, LocalDate.of(from, 1, 1), LocalDate.of(to, 12, 31), type, approx);
    }

    private static DateValue month(String original, int year, int month, DateType type, boolean approx) {
        YearMonth ym = YearMonth.of(year, month);
        return new DateValue(original, ym.atDay(1), ym.atEndOfMonth(), type, approx);
    }

    private static DateValue unparsed(String original, DateType type) {
        return new DateValue(original, null, null, type, false);
    }

    private static int monthOf(String word) {
        String w = word.length() >= 3 ? word.substring(0, 3) : word;
        for (int k = 0; k < 12; k++) {
            if (MONTHS[k].equals(w)) {
                return k + 1;
            }
        }
        return 0;
    }

    private static int i(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
