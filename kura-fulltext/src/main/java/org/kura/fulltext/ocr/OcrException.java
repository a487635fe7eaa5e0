package org.kura.fulltext.ocr;

import java.util.Objects;

/** A page could not be recognized; {@link #kind()} says why, the message says so for a person. */
public class OcrException extends RuntimeException {

    /** Why a page could not be recognized. */
    public enum Kind {
        /** The engine did not finish within the page's timeout; its processes were ended. */
        TIMEOUT,
        /** The engine failed: a non-zero exit or a signal; the message has the exit code and its last error lines. */
        CRASHED,
        /** The engine, or a requested language model, is not installed. */
        NOT_INSTALLED,
        /** The image is not an image the engine can read (unknown format, truncated, corrupt). */
        BAD_IMAGE,
        /** The engine wrote more than the output limit; it was ended and its output dropped. */
        OUTPUT_TOO_LARGE,
        /** Reading the image or talking to the engine failed. */
        IO
    }

    private final Kind kind;

    public OcrException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public OcrException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
