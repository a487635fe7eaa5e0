package org.kura.repository;

/** A digitized item could not be stored or read; the message says which and why. */
public class RepositoryException extends RuntimeException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The message of the innermost cause (or its class when it has none): ocfl-java and the AWS SDK wrap
     * the real reason (connection refused, a timeout) several times.
     */
    public static String innermostReason(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        return inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
    }
}
