package org.kura.catalog;

import java.util.List;
import java.util.Objects;
import org.kura.model.RawRecord;
import org.kura.model.Record;

/**
 * One unit of work committed atomically: a page of an OAI-PMH list or a batch of an import.
 *
 * @param runId      the run whose counts this page adds to
 * @param providerId the provider
 * @param entries    the records, in the order received (duplicates allowed; later wins)
 * @param checkpoint the checkpoint to save with the page, or null to leave it as it is
 */
public record Page(long runId, String providerId, List<Entry> entries, Checkpoint checkpoint) {
    public Page {
        Objects.requireNonNull(providerId, "providerId");
        entries = List.copyOf(entries);
    }

    /** One record of a page. */
    public sealed interface Entry permits Accepted, Deleted, Rejected {
    }

    /** A record that crosswalked: store it (or find it unchanged). */
    public record Accepted(RawRecord raw, Record normalized) implements Entry {
    }

    /** An OAI-PMH deleted record: tombstone it. */
    public record Deleted(RawRecord raw) implements Entry {
    }

    /**
     * A record that could not be processed: quarantine it with the reason.
     *
     * @param identifier the identifier when known, else null
     * @param bytes      the bytes as received
     * @param stage      where it failed
     * @param reason     why, for the operator
     */
    public record Rejected(String identifier, String metadataPrefix, byte[] bytes, QuarantineEntry.Stage stage,
                           String reason) implements Entry {
    }
}
