package org.kura.catalog;

import java.time.Instant;

/** One entry of the change log: a record was created/updated (UPSERT) or deleted. */
public record Change(long seq, String providerId, String identifier, Kind kind, int version, Instant at) {
    public enum Kind { UPSERT, DELETE }
}
