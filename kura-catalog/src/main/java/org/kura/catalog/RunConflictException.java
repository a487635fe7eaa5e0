package org.kura.catalog;

/** A run could not start because a live run of the same provider and kind is under way (the message names it). */
public final class RunConflictException extends CatalogException {
    public RunConflictException(String message) {
        super(message);
    }
}
