package org.kura.ingest.pipeline;

/** Told after every committed page. Implementations must be cheap and must not throw. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);

    /** Tells both. */
    default ProgressListener and(ProgressListener other) {
        return p -> {
            onProgress(p);
            other.onProgress(p);
        };
    }
}
