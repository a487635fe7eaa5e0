package org.kura.catalog;

import java.time.Instant;
import java.util.Objects;
import org.kura.model.AccessTier;

/**
 * The catalog's entry for a digitized item whose content is in the object store: which record it
 * digitizes, its access tier and its size, so that records, search and IIIF can find it without
 * opening the object.
 *
 * @param providerId       provider of the record it digitizes, or null
 * @param recordIdentifier the record's identifier, or null
 */
public record ItemEntry(String id, String providerId, String recordIdentifier, AccessTier tier, String title, int pages,
                        Instant updatedAt) {
    public ItemEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tier, "tier");
    }
}
