package org.kura.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalization and validation of identifiers: ISBN-10/13 (check digits, hyphens, 10↔13), ISSN,
 * DOI (case, {@code doi:} and resolver prefixes), NCID, JP-No, NDL BibID, ISIL, ORCID. Pure
 * functions. An identifier that fails its scheme's checks is kept with {@code valid = false}.
 */
public final class Identifiers {
    private static final Pattern ISBN_PREFIX = Pattern.compile("(?i)^\\s*isbn(-1[03])?\\s*[:：]?\\s*");
    private static final Pattern ISSN_PREFIX = Pattern.compile("(?i)^\\s*e?issn\\s*[:：]?\\s*");
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)^(doi\\s*:\\s*|https?://(dx\\.)?doi\\.org/|info:doi/)");
    private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/\\S+$");
    private static final Pattern NCID = Pattern.compile("^[A-Z]{2}\\d{7}[\\dX]$");
    private static final Pattern JPNO = Pattern.compile("^\\d{8}$");
    private static final Pattern ISIL = Pattern.compile("^[A-Z]{1,4}-[A-Za-z0-9:/\\-]{1,11}$");
    private static final Pattern ORCID = Pattern.compile("^\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]$");
    private static final Pattern ISSN = Pattern.compile("^\\d{4}-?\\d{3}[\\dX]$");

    private Identifiers() {
    }

    public static Identifier normalize(IdentifierType type, String text) {
        String original = text == null ? "" : text;
        String t = Normalizer.normalize(original, Normalizer.Form.NFKC).strip();
        return switch (type) {
            case ISBN -> isbn(original, t);
            case ISSN -> issn(original, t);
            case DOI -> doi(original, t);
            case NCID -> {
                String v = t.toUpperCase(Locale.ROOT).replaceAll("\\s", "");
                yield new Identifier(type, v, original, NCID.matcher(v).matches());
            }
            case JPNO -> {
                String v = t.replaceAll("(?i)^jp\\s*no\\.?\\s*[:：]?|[\\s-]", "");
                yield new Identifier(type, v, original, JPNO.matcher(v).matches());
            }
            case NDL_BIBID -> {
                String v = t.replaceAll("\\s", "");
                yield new Identifier(type, v, original, v.matches("\\d{1,12}|R\\d{9,12}"));
            }
            case ISIL -> new Identifier(type, t, original, ISIL.matcher(t).matches());
            case ORCID -> orcid(original, t);
            case URI -> new Identifier(type, t, original, t.matches("(?i)^(https?|ftp|urn|info):\\S+$"));
            default -> new Identifier(type, t, original, !t.isEmpty());
        };
    }

    /** Guesses the scheme of a bare identifier string (ISBN, ISSN, DOI, NCID, URI…), or empty. */
    public static Optional<Identifier> detect(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (DOI_PREFIX.matcher(t).find() || DOI.matcher(t).matches()) {
            return Optional.of(normalize(IdentifierType.DOI, text));
        }
        if (ISBN_PREFIX.matcher(t).find()) {
            return Optional.of(normalize(IdentifierType.ISBN, text));
        }
        if (ISSN_PREFIX.matcher(t).find()) {
            return Optional.of(normalize(IdentifierType.ISSN, text));
        }
        if (t.matches("(?i)^https?://hdl\\.handle\\.net/.+")) {
            return Optional.of(new Identifier(IdentifierType.HANDLE, t.replaceFirst("(?i)^https?://hdl\\.handle\\.net/", ""),
                    text, true));
        }
        if (t.matches("(?i)^(https?|ftp)://\\S+$") || t.matches("(?i)^(urn|info):\\S+$")) {
            return Optional.of(new Identifier(IdentifierType.URI, t, text, true));
        }
        String digits = t.replaceAll("[\\s-]", "");
        if (digits.matches("\\d{9}[\\dXx]") && isbn10Valid(digits.toUpperCase(Locale.ROOT))
                || digits.matches("97[89]\\d{10}")) {
            return Optional.of(normalize(IdentifierType.ISBN, text));
        }
        if (ISSN.matcher(t).matches() && t.contains("-")) {
            return Optional.of(normalize(IdentifierType.ISSN, text));
        }
        if (NCID.matcher(t).matches()) {
            return Optional.of(normalize(IdentifierType.NCID, text));
        }
        return Optional.empty();
    }

    private static Identifier isbn(String original, String t) {
        String v = ISBN_PREFIX.matcher(t).replaceFirst("");
        Matcher m = Pattern.compile("^[\\d\\-\\s]{9,17}[\\dXx]").matcher(v);
        String candidate = m.find() ? m.group() : v;
        String digits = candidate.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (digits.length() == 10 && digits.matches("\\d{9}[\\dX]")) {
            boolean ok = isbn10Valid(digits);
            return new Identifier(IdentifierType.ISBN, ok ? isbn10to13(digits) : digits, original, ok);
        }
        if (digits.length() == 13 && digits.matches("\\d{13}")) {
            return new Identifier(IdentifierType.ISBN, digits, original, isbn13Valid(digits));
        }
        return new Identifier(IdentifierType.ISBN, digits.isEmpty() ? v : digits, original, false);
    }

    static boolean isbn10Valid(String d) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = d.charAt(i);
            int v = c == 'X' ? 10 : c - '0';
            if (c == 'X' && i != 9) {
                return false;
            }
            sum += v * (10 - i);
        }
        return sum % 11 == 0;
    }

    static boolean isbn13Valid(String d) {
        if (!d.startsWith("978") && !d.startsWith("979")) {
            return false;
        }
        return ean13Check(d.substring(0, 12)) == d.charAt(12) - '0';
    }

    private static int ean13Check(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return (10 - sum % 10) % 10;
    }

    /** ISBN-10 (digits) to ISBN-13 (digits). */
    public static String isbn10to13(String isbn10) {
        String twelve = "978" + isbn10.substring(0, 9);
        return twelve + ean13Check(twelve);
    }

    /** ISBN-13 (978 prefix) to ISBN-10, or empty for 979 ISBNs that have no ISBN-10. */
    public static Optional<String> isbn13to10(String isbn13) {
        if (!isbn13.startsWith("978") || isbn13.length() != 13) {
            return Optional.empty();
        }
        String nine = isbn13.substring(3, 12);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int check = (11 - sum % 11) % 11;
        return Optional.of(nine + (check == 10 ? "X" : Integer.toString(check)));
    }

    private static Identifier issn(String original, String t) {
        String v = ISSN_PREFIX.matcher(t).replaceFirst("").replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        Matcher m = Pattern.compile("\\d{4}-?\\d{3}[\\dX]").matcher(v);
        if (!m.find()) {
            return new Identifier(IdentifierType.ISSN, v, original, false);
        }
        String d = m.group().replace("-", "");
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (d.charAt(i) - '0') * (8 - i);
        }
        int check = (11 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return new Identifier(IdentifierType.ISSN, d.substring(0, 4) + "-" + d.substring(4), original,
                expected == d.charAt(7));
    }

    private static Identifier doi(String original, String t) {
        String v = DOI_PREFIX.matcher(t).replaceFirst("").strip().toLowerCase(Locale.ROOT);
        return new Identifier(IdentifierType.DOI, v, original, DOI.matcher(v).matches());
    }

    private static Identifier orcid(String original, String t) {
        String v = t.replaceFirst("(?i)^https?://orcid\\.org/", "").toUpperCase(Locale.ROOT);
        if (!ORCID.matcher(v).matches()) {
            return new Identifier(IdentifierType.ORCID, v, original, false);
        }
        String digits = v.replace("-", "");
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        char check = result == 10 ? 'X' : (char) ('0' + result);
        return new Identifier(IdentifierType.ORCID, v, original, check == digits.charAt(15));
    }
}
