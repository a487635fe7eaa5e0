package org.kura.catalog;

import java.time.Instant;
import org.kura.model.Record;

/**
 * A record as the catalog holds it: one version of the normalized record with its raw source.
 *
 * @param normalized null for a tombstone
 * @param rawHash    SHA-256 (hex) of the raw bytes
 */
public record StoredRecord(String providerId, String identifier, int version, boolean deleted, Instant datestamp,
                           String metadataPrefix, String rawHash, Record normalized, Instant updatedAt) {
}
