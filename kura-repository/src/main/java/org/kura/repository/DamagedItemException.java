package org.kura.repository;

/**
 * An item's description ({@code item.json}) is in the store but cannot be understood: the object is damaged,
 * neither missing nor unreachable, and retrying will not help. Staff restore it from a good version.
 */
public class DamagedItemException extends RepositoryException {
    public DamagedItemException(String message, Throwable cause) {
        super(message, cause);
    }
}
