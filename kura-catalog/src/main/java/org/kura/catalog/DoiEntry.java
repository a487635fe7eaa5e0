package org.kura.catalog;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The catalog's entry for a DOI minted for a digitized item: exactly one per item. The landing page of
 * the DOI is the page of the record the item digitizes, so the record is kept beside the item.
 *
 * @param doi              the DOI as minted ({@code 10.99999/kura.demo-public}); compared case-insensitively
 * @param itemId           the item it names
 * @param providerId       provider of the record the item digitizes, or null
 * @param recordIdentifier the record's identifier, or null
 * @param seq              the mint's sequence number (1, 2, …), used by {@code {seq}} patterns
 * @param state            where registration stands
 */
public record DoiEntry(String doi, String itemId, String providerId, String recordIdentifier, long seq, State state,
                       Instant createdAt, Instant updatedAt) {

    /** The resolver link, {@code https://doi.org/10.NNNN/suffix}. */
    public String url() {
        return "https://doi.org/" + doi;
    }

    /**
     * Registration state, after DataCite's DOI states: DRAFT (minted here, not yet sent to the registration
     * agency), REGISTERED (registered, not listed in the agency's search), FINDABLE (registered and indexed).
     */
    public enum State { DRAFT, REGISTERED, FINDABLE }

    public DoiEntry {
        Objects.requireNonNull(doi, "doi");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(state, "state");
    }

    /** The case-insensitive key of a DOI: DOIs compare equal ignoring ASCII case. */
    public static String key(String doi) {
        return doi.toUpperCase(Locale.ROOT);
    }
}
