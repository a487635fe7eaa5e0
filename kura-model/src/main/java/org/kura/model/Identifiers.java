package org.kura.model;

/**
 * Normalization and validation of identifiers: ISBN-10/13 (check digits, hyphens, 10↔13), ISSN,
 * DOI (case, {@code doi:} and resolver prefixes), NCID, JP-No, NDL BibID, ISIL. Pure functions.
 */
public final class Identifiers {
    private Identifiers() {
    }

    public static Identifier normalize(IdentifierType type, String text) {
        String t = text == null ? "" : text.strip();
        // Placeholder until the full normalizers land.
        return new Identifier(type, t, text, !t.isEmpty());
    }
}
