package org.kura.lod.doi;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.DoiEntry;
import org.kura.catalog.DoiTakenException;
import org.kura.catalog.ItemEntry;

/**
 * Gives each digitized item exactly one DOI, kept in the catalog: minting an item that has a DOI returns that
 * DOI (whatever the pattern says now), so running it twice, or for all items again, changes nothing. A new DOI
 * starts in state DRAFT: minting is local, registering it with DataCite or JaLC is the staff's next step.
 */
public final class DoiMinter {
    private final CatalogStore store;
    private final DoiPattern pattern;
    private final Clock clock;

    public DoiMinter(CatalogStore store, DoiPattern pattern, Clock clock) {
        this.store = store;
        this.pattern = pattern;
        this.clock = clock;
    }

    /** The item's DOI, minted now if it has none. */
    public DoiEntry mint(String itemId) {
        ItemEntry item = store.item(itemId)
                .orElseThrow(() -> new DoiException(DoiException.Reason.NOT_FOUND, "no item " + DoiName.shown(itemId)));
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        try {
            return store.assignDoi(item.id(), seq -> pattern.name(item.id(), item.providerId(), year, seq).toString());
        } catch (DoiTakenException e) {
            throw new DoiException(DoiException.Reason.BAD_PATTERN, e.getMessage());
        }
    }

    /** Every item's DOI, minting those that have none, in item order. */
    public List<DoiEntry> mintAll() {
        List<DoiEntry> out = new ArrayList<>();
        store.forEachItem(item -> out.add(mint(item.id())));
        return out;
    }
}
