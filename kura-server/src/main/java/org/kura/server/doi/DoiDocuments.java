package org.kura.server.doi;

import java.util.Optional;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.DoiEntry;
import org.kura.catalog.ItemEntry;
import org.kura.catalog.StoredRecord;
import org.kura.lod.doi.DataCiteXml;
import org.kura.lod.doi.DoiException;
import org.kura.lod.doi.DoiName;
import org.kura.lod.doi.DoiRegistration;
import org.kura.lod.doi.JalcXml;
import org.kura.model.Provider;
import org.kura.server.portal.PortalRoutes;

/**
 * What Kura knows about one of its DOIs, gathered from the catalog: the entry, its landing page (the page of
 * the record the item digitizes, as the item links it now) and its registration metadata as DataCite or JaLC
 * XML. Shared by the admin API and the {@code kura doi} command.
 */
public final class DoiDocuments {
    private final CatalogStore store;
    private final String baseUrl;
    private final JalcXml jalc;

    public DoiDocuments(CatalogStore store, String baseUrl, JalcXml jalc) {
        this.store = store;
        this.baseUrl = baseUrl;
        this.jalc = jalc;
    }

    /** The entry of a DOI (case-insensitive); MALFORMED for what is not a DOI. */
    public Optional<DoiEntry> find(String doi) {
        return store.doi(DoiName.parse(doi).toString());
    }

    public DoiEntry require(String doi) {
        return find(doi).orElseThrow(() -> new DoiException(DoiException.Reason.NOT_FOUND, "no DOI " + doi + " in this catalog"));
    }

    /** The site path of the landing page ({@code /records/{provider}/{id}}), or empty when the item digitizes no record. */
    public Optional<String> landingPath(DoiEntry e) {
        Optional<ItemEntry> item = store.item(e.itemId());
        String provider = item.map(ItemEntry::providerId).orElse(e.providerId());
        String record = item.map(ItemEntry::recordIdentifier).orElse(e.recordIdentifier());
        return provider == null || record == null ? Optional.empty() : Optional.of(PortalRoutes.recordUrl(provider, record));
    }

    public DoiRegistration registration(DoiEntry e) {
        String path = landingPath(e).orElseThrow(() -> new DoiException(DoiException.Reason.NOT_REGISTRABLE, "DOI " + e.doi()
                + ": item " + e.itemId() + " digitizes no catalog record, so there is no landing page or metadata to register"));
        ItemEntry item = store.item(e.itemId()).orElse(null);
        String provider = item != null ? item.providerId() : e.providerId();
        String recordId = item != null ? item.recordIdentifier() : e.recordIdentifier();
        StoredRecord stored = store.record(provider, recordId).filter(r -> !r.deleted() && r.normalized() != null)
                .orElseThrow(() -> new DoiException(DoiException.Reason.NOT_REGISTRABLE, "DOI " + e.doi() + ": record "
                        + provider + ":" + recordId + " is not in the catalog (or deleted)"));
        String holder = store.provider(provider).map(Provider::nameJa).orElse(null);
        return new DoiRegistration(DoiName.parse(e.doi()), baseUrl + path, stored.normalized(), item == null ? 0 : item.pages(),
                holder);
    }

    public String dataCite(DoiEntry e) {
        return DataCiteXml.write(registration(e));
    }

    public String jalc(DoiEntry e) {
        return jalc.write(registration(e));
    }
}
