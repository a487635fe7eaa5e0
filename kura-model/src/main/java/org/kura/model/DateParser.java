package org.kura.model;

/**
 * Parses dates of Japanese and Western catalogues into a sortable range. Pure function.
 * Supports Japanese eras (明治・大正・昭和・平成・令和, 元年, kanji numerals), {@code 1965.4},
 * {@code [19--]}, {@code c1900}, {@code 1990-1995}, {@code 平成2-3年}, W3CDTF and Western month names.
 */
public final class DateParser {
    private DateParser() {
    }

    public static DateValue parse(String text, DateType type) {
        // Placeholder until the full parser lands: keeps the original, no range.
        return new DateValue(text == null ? "" : text, null, null, type, false);
    }
}
