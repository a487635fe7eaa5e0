package org.kura.ingest.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.Page;
import org.kura.catalog.QuarantineEntry;
import org.kura.ingest.crosswalk.Crosswalk;
import org.kura.ingest.crosswalk.Crosswalks;
import org.kura.model.Provider;
import org.kura.model.RawRecord;

/**
 * Runs quarantined records through their crosswalk again, from the bytes kept with them: after a crosswalk
 * was fixed or a provider's data corrected, staff retry instead of harvesting again. A record that now
 * passes is stored (in a run of its own, so the history says where it came from) and leaves the
 * quarantine; one that still fails stays, with today's reason; one the catalog has received again since (a
 * later harvest) is let go rather than stored over the newer version. Records kept without an identifier or
 * without bytes (a page that did not parse, a fetch that failed) can only come back with a new harvest.
 */
public final class QuarantineRetry {
    private final CatalogStore store;
    private final Crosswalks crosswalks;

    public QuarantineRetry(CatalogStore store, Crosswalks crosswalks) {
        this.store = store;
        this.crosswalks = crosswalks;
    }

    /** What became of one retried entry. */
    public record Outcome(long id, String identifier, boolean stored, String message) {
    }

    /** Retries one entry; an unknown number is an {@link IllegalArgumentException}. */
    public Outcome retry(long id) {
        QuarantineEntry e = store.quarantineEntry(id).orElseThrow(() -> new IllegalArgumentException("no quarantined record #" + id));
        return retry(e, provider(e.providerId()));
    }

    /** Retries a provider's quarantined records, oldest first, at most {@code limit}. */
    public List<Outcome> retryAll(String providerId, int limit) {
        Provider provider = provider(providerId);
        List<Outcome> out = new ArrayList<>();
        for (QuarantineEntry e : store.quarantine(providerId, 0, Math.max(1, limit))) {
            out.add(retry(e, provider));
        }
        return out;
    }

    private Provider provider(String id) {
        return store.provider(id).orElseThrow(() -> new IllegalArgumentException("no provider " + id));
    }

    private Outcome retry(QuarantineEntry e, Provider provider) {
        long id = e.id();
        if (e.identifier() == null || e.identifier().isBlank()) {
            return new Outcome(id, null, false, "its identifier is unknown, so it cannot be retried alone: harvest "
                    + e.providerId() + " again");
        }
        if (e.bytes() == null || e.bytes().length == 0) {
            return new Outcome(id, e.identifier(), false, "nothing of it was received, so it cannot be retried: harvest "
                    + e.providerId() + " again");
        }
        Crosswalk crosswalk = e.metadataPrefix() == null ? null : crosswalks.forFormat(e.metadataPrefix()).orElse(null);
        if (crosswalk == null) {
            return new Outcome(id, e.identifier(), false, "no crosswalk for its format " + e.metadataPrefix());
        }
        java.util.Optional<org.kura.catalog.StoredRecord> current = store.record(e.providerId(), e.identifier());
        if (current.isPresent() && current.get().updatedAt() != null && current.get().updatedAt().isAfter(e.createdAt())) {
            // a later harvest brought the record (or its deletion) after it was quarantined: the kept bytes are older
            store.releaseQuarantine(id);
            return new Outcome(id, e.identifier(), false, "superseded: the catalog has a later version (version "
                    + current.get().version() + "), so the quarantined copy was let go");
        }
        RawRecord raw = new RawRecord(e.providerId(), e.identifier(), e.metadataPrefix(), Instant.now(), false, List.of(), e.bytes());
        Page.Entry result = new RecordProcessor(provider, crosswalk).process(raw);
        if (result instanceof Page.Rejected r) {
            store.requarantine(id, r.stage(), r.reason());
            return new Outcome(id, e.identifier(), false, r.reason());
        }
        HarvestRun run = store.startRun(e.providerId(), HarvestRun.Kind.RECROSSWALK, "retry of quarantined record #" + id);
        try {
            store.commit(new Page(run.id(), e.providerId(), List.of(result), null));
            store.finishRun(run.id(), HarvestRun.State.COMPLETED, null);
        } catch (RuntimeException ex) {
            store.finishRun(run.id(), HarvestRun.State.FAILED, ex.toString());
            throw ex;
        }
        store.releaseQuarantine(id);
        return new Outcome(id, e.identifier(), true, "stored");
    }
}
