package org.kura.server.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.kura.server.access.IpRange;

/** Checks of the values staff type in, shared by the registration forms (each adds a {@link FieldProblem}). */
final class Fields {
    /**
     * An ISIL (ISO 15511): a prefix of one to four letters or digits (a country code, or a non-country
     * prefix such as {@code OCLC}), a hyphen, then up to eleven letters, digits, hyphens or colons; at most
     * sixteen characters. A '/' (allowed by the standard) is refused: the ISIL is a path segment here.
     */
    static final String ISIL = "[A-Za-z0-9]{1,4}-[A-Za-z0-9:-]{1,11}";
    static final int MAX_RANGES = 100;
    /** Ranges broader than these would make much of the Internet an institution. */
    static final int MIN_PREFIX_V4 = 8;
    static final int MIN_PREFIX_V6 = 16;

    private Fields() {
    }

    static String text(Function<String, String> field, String name) {
        String v = field.apply(name);
        return v == null ? "" : v.strip();
    }

    static boolean ticked(Function<String, String> field, String name) {
        String v = field.apply(name);
        return v != null && (v.equals("on") || v.equals("true") || v.equals("1"));
    }

    static void required(String value, String field, int max, List<FieldProblem> out) {
        if (value.isEmpty()) {
            out.add(new FieldProblem(field, "staff.error.required", null));
        } else if (value.length() > max) {
            out.add(new FieldProblem(field, "staff.error.tooLong", Integer.toString(max)));
        }
    }

    static void optional(String value, String field, int max, List<FieldProblem> out) {
        if (value.length() > max) {
            out.add(new FieldProblem(field, "staff.error.tooLong", Integer.toString(max)));
        }
    }

    /** Blank, or two letters (ISO 3166 alpha-2), given back in upper case. */
    static String country(String value, List<FieldProblem> out) {
        if (value.isEmpty()) {
            return null;
        }
        if (!value.matches("[A-Za-z]{2}")) {
            out.add(new FieldProblem("country", "staff.error.country", value));
            return null;
        }
        return value.toUpperCase(Locale.ROOT);
    }

    static void isil(String value, String field, boolean required, List<FieldProblem> out) {
        if (value.isEmpty()) {
            if (required) {
                out.add(new FieldProblem(field, "staff.error.required", null));
            }
        } else if (value.length() > 16 || !value.matches(ISIL)) {
            out.add(new FieldProblem(field, "staff.error.isil", value));
        }
    }

    /** Address ranges, one per line or separated by spaces or commas; each must be a literal CIDR range or address. */
    static List<String> ranges(String text, boolean required, List<FieldProblem> out) {
        List<String> ranges = new ArrayList<>();
        for (String r : text.split("[\\s,]+")) {
            if (!r.isEmpty() && !ranges.contains(r)) {
                ranges.add(r);
            }
        }
        if (ranges.isEmpty() && required) {
            out.add(new FieldProblem("ipRanges", "staff.error.required", null));
        }
        if (ranges.size() > MAX_RANGES) {
            out.add(new FieldProblem("ipRanges", "staff.error.tooManyRanges", Integer.toString(MAX_RANGES)));
            return ranges;
        }
        for (String r : ranges) {
            String problem = rangeProblem(r);
            if (problem != null) {
                out.add(new FieldProblem("ipRanges", problem, r));
            }
        }
        return ranges;
    }

    private static String rangeProblem(String r) {
        IpRange range;
        try {
            range = IpRange.parse(r);
        } catch (IllegalArgumentException e) {
            return "staff.error.range";
        }
        return range.prefix() < (range.isIpv6() ? MIN_PREFIX_V6 : MIN_PREFIX_V4) ? "staff.error.rangeTooBroad" : null;
    }
}
