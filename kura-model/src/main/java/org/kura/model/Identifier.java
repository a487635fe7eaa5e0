package org.kura.model;

import java.util.Objects;

/**
 * An identifier of a resource or an agent.
 *
 * @param type     the scheme
 * @param value    the normalized form used for matching and display (e.g. ISBN-13 without hyphens)
 * @param original the text as received
 * @param valid    false when the value fails the scheme's checks (kept, but flagged)
 */
public record Identifier(IdentifierType type, String value, String original, boolean valid) {
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        original = original == null ? value : original;
    }

    /** Normalizes and validates {@code text} as an identifier of {@code type}. */
    public static Identifier of(IdentifierType type, String text) {
        return Identifiers.normalize(type, text);
    }
}
