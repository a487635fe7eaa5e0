package org.kura.ingest.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live progress of the runs going on in this process, for {@code GET /api/admin/harvests}.
 * Thread-safe.
 */
public final class HarvestMonitor {
    private final Map<Long, Progress> live = new ConcurrentHashMap<>();

    /** A listener that keeps this monitor up to date for one run. */
    public ProgressListener listener() {
        return p -> live.put(p.runId(), p);
    }

    public void finished(long runId) {
        live.remove(runId);
    }

    public List<Progress> live() {
        return live.values().stream().sorted(Comparator.comparingLong(Progress::runId)).toList();
    }

    public boolean isRunning(String providerId) {
        return live.values().stream().anyMatch(p -> p.providerId().equals(providerId));
    }
}
