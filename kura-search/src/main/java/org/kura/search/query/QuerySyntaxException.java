package org.kura.search.query;

/**
 * A query that cannot be understood; the message says why and where. Protocols map it to their own
 * error (HTTP 400, an SRU diagnostic).
 */
public class QuerySyntaxException extends RuntimeException {
    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** Character offset of the problem in the query, or -1. */
    public int position() {
        return position;
    }
}
