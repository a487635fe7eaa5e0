package org.kura.ingest.pipeline;

import java.time.Duration;
import java.time.Instant;

/**
 * A snapshot of a running harvest, import or re-crosswalk, for the terminal and the admin API.
 *
 * @param done        records received so far
 * @param expected    total expected (completeListSize, file count), or null when unknown
 * @param stored      created or updated so far
 * @param quarantined quarantined so far
 * @param startedAt   when the run started
 * @param now         when this snapshot was taken
 */
public record Progress(long runId, String providerId, String kind, long done, Long expected, long stored,
                       long quarantined, Instant startedAt, Instant now) {

    /** Records per second since the start. */
    public double rate() {
        double seconds = Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0);
        return done / seconds;
    }

    /** Estimated time left, or null when the total is unknown. */
    public Duration eta() {
        if (expected == null || expected <= 0 || done == 0) {
            return null;
        }
        long left = Math.max(0, expected - done);
        return Duration.ofMillis((long) (left / Math.max(rate(), 0.001) * 1000));
    }

    /** One line for a terminal: counts, rate, percentage and ETA. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(providerId).append(": ").append(done);
        if (expected != null && expected > 0) {
            sb.append('/').append(expected).append(String.format(" (%.1f%%)", 100.0 * done / expected));
        }
        sb.append(" records, ").append(String.format("%.0f rec/s", rate()));
        sb.append(", stored ").append(stored).append(", quarantined ").append(quarantined);
        Duration eta = eta();
        if (eta != null) {
            sb.append(", ETA ").append(String.format("%d:%02d:%02d", eta.toHours(), eta.toMinutesPart(), eta.toSecondsPart()));
        }
        return sb.toString();
    }
}
