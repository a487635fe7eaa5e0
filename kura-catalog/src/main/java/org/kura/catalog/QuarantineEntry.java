package org.kura.catalog;

import java.time.Instant;

/**
 * A record that could not be processed, kept with its bytes and the reason so nothing is lost.
 */
public record QuarantineEntry(long id, String providerId, Long runId, String identifier, String metadataPrefix,
                              Stage stage, String reason, byte[] bytes, Instant createdAt) {

    /** Where processing failed. */
    public enum Stage { FETCH, PARSE, CROSSWALK, VALIDATE, STORE }
}
