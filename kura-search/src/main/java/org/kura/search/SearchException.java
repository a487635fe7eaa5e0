package org.kura.search;

/** A search or indexing operation failed; the message says which and why. */
public class SearchException extends RuntimeException {
    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }

    public SearchException(String message) {
        super(message);
    }
}
