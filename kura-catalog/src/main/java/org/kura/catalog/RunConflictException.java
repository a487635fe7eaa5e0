package org.kura.catalog;

/** A run could not start because a live run of the same provider and kind is under way. */
public final class RunConflictException extends CatalogException {
    private final long runningId;

    public RunConflictException(String message, long runningId) {
        super(message);
        this.runningId = runningId;
    }

    /** The run under way. */
    public long runningId() {
        return runningId;
    }
}
