package org.kura.catalog;

import java.time.Instant;

/**
 * One harvest, import or re-crosswalk of a provider, with its counts. Counts always reconcile:
 * {@code harvested = stored + unchanged + deleted + quarantined}.
 *
 * @param expectedTotal the provider's completeListSize (or the file's record count) when known, for ETA
 */
public record HarvestRun(long id, String providerId, Kind kind, State state, String detail, Instant startedAt,
                         Instant endedAt, long harvested, long stored, long unchanged, long deleted,
                         long quarantined, Long expectedTotal, String error) {

    public enum Kind { HARVEST, IMPORT, RECROSSWALK }

    public enum State { RUNNING, COMPLETED, FAILED, INTERRUPTED }

    public boolean reconciles() {
        return harvested == stored + unchanged + deleted + quarantined;
    }
}
