package org.kura.server.portal;

import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.kura.search.Indexer;
import org.kura.search.SearchBackend;

/**
 * A full rebuild of the search index started from the staff area ({@code kura index --full} without a
 * terminal): one at a time, on the executor that also follows the change log, so that a catch-up never
 * runs between the rebuild's snapshot and its swap. The old index answers until the new one is swapped in.
 */
public final class IndexRebuild {
    private final Indexer indexer;
    private final SearchBackend backend;
    private final Executor executor;
    private final AtomicLong progress = new AtomicLong();
    private volatile Status status = new Status(false, null, null, 0, 0, null);

    /**
     * @param executor where the rebuild runs: the change-log follower's single thread (or any executor
     *                 nothing else indexes on)
     */
    public IndexRebuild(Indexer indexer, SearchBackend backend, Executor executor) {
        this.indexer = indexer;
        this.backend = backend;
        this.executor = executor;
    }

    /**
     * The last or current rebuild.
     *
     * @param running  true while it runs
     * @param indexed  records in the new index (so far, while running)
     * @param seconds  how long it took (0 while running)
     * @param error    why it failed, or null
     */
    public record Status(boolean running, Instant started, Instant finished, long indexed, long seconds, String error) {
    }

    /** The status, with the records indexed so far while running. */
    public Status status() {
        Status s = status;
        return s.running() ? new Status(true, s.started(), null, progress.get(), 0, null) : s;
    }

    /** True when the serving index was built with an earlier search configuration. */
    public boolean indexOutdated() {
        return backend.builtWithOtherConfiguration();
    }

    /** Starts a rebuild; false when one is already running. */
    public synchronized boolean start() {
        if (status.running()) {
            return false;
        }
        Instant started = Instant.now();
        progress.set(0);
        status = new Status(true, started, null, 0, 0, null);
        executor.execute(() -> {
            try {
                Indexer.IndexReport r = indexer.rebuild(progress::set);
                status = new Status(false, started, Instant.now(), r.indexed(), r.millis() / 1000, null);
            } catch (RuntimeException e) {
                status = new Status(false, started, Instant.now(), progress.get(), 0,
                        e.getMessage() == null ? e.toString() : e.getMessage());
            }
        });
        return true;
    }
}
