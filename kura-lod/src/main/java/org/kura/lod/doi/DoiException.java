package org.kura.lod.doi;

/**
 * A DOI could not be parsed, minted or described for registration; the message says which DOI or item and
 * why, and {@link #reason()} lets an edge map it (a malformed DOI is the caller's error, a record that lacks a
 * mandatory property is a conflict with what the catalog holds).
 */
public class DoiException extends RuntimeException {
    /** What went wrong. */
    public enum Reason {
        /** Not DOI syntax (or outside what Kura mints and resolves). */
        MALFORMED,
        /** The configured prefix or pattern cannot make valid, distinct DOIs. */
        BAD_PATTERN,
        /** No such item or DOI. */
        NOT_FOUND,
        /** The record lacks a property the registration agency requires (e.g. a publication year). */
        NOT_REGISTRABLE
    }

    private final Reason reason;

    public DoiException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
