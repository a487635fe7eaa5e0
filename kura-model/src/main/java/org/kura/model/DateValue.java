package org.kura.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date as catalogues really contain it ({@code 昭和四十年}, {@code [19--]}, {@code 1965.4},
 * {@code 平成2-3年}), with the original kept and a sortable range parsed from it.
 *
 * @param original the text as received
 * @param start    first day of the range, or null when it could not be parsed
 * @param end      last day of the range (inclusive), or null when it could not be parsed
 * @param type     what the date means
 * @param approximate true for circa, uncertain or bracketed (supplied) dates
 */
public record DateValue(String original, LocalDate start, LocalDate end, DateType type, boolean approximate) {
    public DateValue {
        Objects.requireNonNull(original, "original");
        type = type == null ? DateType.ISSUED : type;
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end before start: " + original);
        }
    }

    /** Parses {@code text} with {@link DateParser}; never throws, unparsed dates keep only the original. */
    public static DateValue parse(String text, DateType type) {
        return DateParser.parse(text, type);
    }

    public boolean isParsed() {
        return start != null;
    }

    /** The first year of the range, or null. */
    public Integer year() {
        return start == null ? null : start.getYear();
    }
}
