package org.kura.lod.doi;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DOI name, {@code prefix/suffix} (ISO 26324, DOI Handbook §2.2): the prefix is {@code 10.} and a registrant
 * code of digits (dot-separated parts allowed); the suffix is kept to the characters DataCite recommends
 * ({@code A-Z a-z 0-9 - . _ ; ( ) / :}), with no {@code ..}, no empty path segment and at most 255 characters
 * in all, so that every DOI Kura mints or resolves is safe in a URL path and a file name. DOIs are
 * case-insensitive: {@link #key()} is what two DOIs are compared by.
 *
 * @param prefix e.g. {@code 10.99999}
 * @param suffix e.g. {@code kura.demo-public}
 */
public record DoiName(String prefix, String suffix) {
    /** Longest DOI accepted (the catalog's column). */
    public static final int MAX_LENGTH = 255;

    private static final Pattern PREFIX = Pattern.compile("10\\.[0-9]{4,9}(\\.[0-9]{1,9})*");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9._;()/:-]+");

    public DoiName {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new DoiException(DoiException.Reason.MALFORMED, "not a DOI prefix (10.NNNN): " + shown(prefix));
        }
        String problem = suffixProblem(suffix);
        if (problem != null) {
            throw new DoiException(DoiException.Reason.MALFORMED, "not a DOI suffix Kura accepts (" + problem + "): " + shown(suffix));
        }
        if (prefix.length() + 1 + suffix.length() > MAX_LENGTH) {
            throw new DoiException(DoiException.Reason.MALFORMED, "a DOI has at most " + MAX_LENGTH + " characters");
        }
    }

    /** Parses {@code 10.NNNN/suffix}; a {@code doi:} or {@code https://doi.org/} form is not accepted here. */
    public static DoiName parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            throw new DoiException(DoiException.Reason.MALFORMED, text == null ? "no DOI given"
                    : "a DOI has at most " + MAX_LENGTH + " characters (got " + text.length() + ")");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new DoiException(DoiException.Reason.MALFORMED, "a DOI is prefix/suffix: " + shown(text));
        }
        return new DoiName(text.substring(0, slash), text.substring(slash + 1));
    }

    /** True for a registrant prefix Kura can mint under ({@code 10.} and digits). */
    public static boolean isValidPrefix(String prefix) {
        return prefix != null && PREFIX.matcher(prefix).matches();
    }

    /** Why a suffix is not accepted, or null when it is. */
    static String suffixProblem(String suffix) {
        if (suffix == null || suffix.isEmpty()) {
            return "empty";
        }
        if (!SUFFIX.matcher(suffix).matches()) {
            return "only A-Z a-z 0-9 - . _ ; ( ) / :";
        }
        if (suffix.contains("..") || suffix.contains("//") || suffix.startsWith("/") || suffix.endsWith("/")
                || suffix.startsWith("./") || suffix.contains("/./") || suffix.endsWith("/.")) {
            return "no '..', '.' or empty path segments";
        }
        return null;
    }

    /** The case-insensitive key: the DOI in upper case. */
    public String key() {
        return toString().toUpperCase(Locale.ROOT);
    }

    /** The resolver link, {@code https://doi.org/10.NNNN/suffix} (every accepted character is URL-safe). */
    public String url() {
        return "https://doi.org/" + this;
    }

    @Override
    public String toString() {
        return prefix + "/" + suffix;
    }

    /** A bounded, printable rendering of bad input for messages. */
    static String shown(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return s.length() > 80 ? b + "…" : b.toString();
    }
}
