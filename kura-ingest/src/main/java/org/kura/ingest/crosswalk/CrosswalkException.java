package org.kura.ingest.crosswalk;

/** A record could not be crosswalked; the message says why, for the quarantine. */
public class CrosswalkException extends Exception {
    public CrosswalkException(String message) {
        super(message);
    }

    public CrosswalkException(String message, Throwable cause) {
        super(message, cause);
    }
}
