package org.kura.catalog;

/** A DOI cannot be assigned: another item holds it, in this or another letter case (DOIs are case-insensitive). */
public class DoiTakenException extends CatalogException {
    public DoiTakenException(String message) {
        super(message);
    }
}
