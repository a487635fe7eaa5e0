package org.kura.lod.doi;

import java.util.Objects;
import org.kura.model.Record;

/**
 * What a registration agency is told about one DOI: the DOI, its landing page (the page of the record the item
 * digitizes), the record, the item's number of page images, and the institution that holds the item (the
 * provider), which is the publisher of last resort when the record names none.
 *
 * @param doi         the DOI
 * @param landingPage absolute URL of the landing page
 * @param record      the catalog record the item digitizes
 * @param pages       page images of the item (0 when unknown)
 * @param holder      name of the provider holding the item, or null
 */
public record DoiRegistration(DoiName doi, String landingPage, Record record, int pages, String holder) {
    public DoiRegistration {
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(landingPage, "landingPage");
        Objects.requireNonNull(record, "record");
    }

    /** The publication year registration requires; refuses (NOT_REGISTRABLE) when the record has none. */
    public int publicationYear() {
        Integer year = record.issued() == null ? null : record.issued().year();
        if (year == null) {
            throw new DoiException(DoiException.Reason.NOT_REGISTRABLE, "DOI " + doi + ": record " + record.providerId() + ":"
                    + record.id() + " has no parseable publication date, and DataCite and JaLC require a publication year;"
                    + " add a date to the record before registering");
        }
        return year;
    }
}
