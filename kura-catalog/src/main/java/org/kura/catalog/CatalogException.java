package org.kura.catalog;

/** A catalog operation failed; carries the context (provider, identifier) in its message. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }

    public CatalogException(String message) {
        super(message);
    }
}
