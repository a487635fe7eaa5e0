package org.kura.server.iiif;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.ItemEntry;
import org.kura.model.Provider;
import org.kura.search.RecordDocuments;
import org.kura.server.ApiJson;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.access.Action;
import org.kura.server.access.ItemGate;
import org.kura.server.access.Principal;
import org.kura.server.portal.CollectionMembership;
import org.kura.server.portal.Curation;
import org.kura.server.portal.Theme;

/**
 * IIIF Presentation 3.0 collections of digitized items, so that a viewer or an aggregator can browse them:
 * <pre>
 * GET /iiif/3/collection/top              the providers with items and the theme portals, as collections
 * GET /iiif/3/collection/provider/{id}    the manifests of a provider's items
 * GET /iiif/3/collection/theme/{id}       the manifests of the items whose records the theme's search finds
 * </pre>
 * A collection lists only the manifests the asking principal may have (the AccessPolicy's MANIFEST), so a
 * restricted item's title is never named to someone who may not open it. At most {@link #MAX} manifests.
 */
public final class IiifCollectionRoutes implements RouteGroup {
    public static final String CONTEXT = "http://iiif.io/api/presentation/3/context.json";
    static final int MAX = 10_000;
    private final CatalogStore catalog;
    private final Curation curation;
    private final CollectionMembership membership;
    private final ItemGate gate;
    private final String base;

    public IiifCollectionRoutes(CatalogStore catalog, Curation curation, CollectionMembership membership, ItemGate gate, String baseUrl) {
        this.catalog = catalog;
        this.curation = curation;
        this.membership = membership;
        this.gate = gate;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/iiif/3/collection/top", this::top);
        app.get("/iiif/3/collection/provider/{id}", this::provider);
        app.get("/iiif/3/collection/theme/{id}", this::theme);
    }

    private void top(Context ctx) {
        List<Map<String, Object>> items = new ArrayList<>();
        java.util.Set<String> withItems = new java.util.HashSet<>();
        catalog.forEachItem(e -> {
            if (e.providerId() != null) {
                withItems.add(e.providerId());
            }
            return true;
        });
        for (Provider p : catalog.providers()) {
            if (withItems.contains(p.id())) {
                items.add(ref(base + "/iiif/3/collection/provider/" + p.id(), "Collection", p.nameJa(), p.nameEn()));
            }
        }
        for (Theme t : curation.themes()) {
            items.add(ref(base + "/iiif/3/collection/theme/" + t.id(), "Collection", t.titleJa(), t.titleEn()));
        }
        send(ctx, collection(base + "/iiif/3/collection/top", "デジタル化資料", "Digitized items", items));
    }

    private void provider(Context ctx) {
        String id = ctx.pathParam("id");
        Provider p = catalog.provider(id).orElseThrow(() -> ProblemException.notFound("no provider " + id));
        Principal who = gate.principal(ctx);
        List<Map<String, Object>> items = new ArrayList<>();
        catalog.forEachItem(e -> {
            if (id.equals(e.providerId()) && gate.allows(who, e.tier(), Action.MANIFEST)) {
                items.add(manifest(e));
            }
            return items.size() < MAX;
        });
        send(ctx, collection(base + "/iiif/3/collection/provider/" + id, p.nameJa(), p.nameEn(), items));
    }

    private void theme(Context ctx) {
        String id = ctx.pathParam("id");
        if (!membership.exists(id)) {
            throw ProblemException.notFound("no theme " + id);
        }
        Theme t = curation.theme(id).orElseThrow();
        Principal who = gate.principal(ctx);
        List<ItemEntry> candidates = new ArrayList<>();
        catalog.forEachItem(e -> {
            if (e.providerId() != null && gate.allows(who, e.tier(), Action.MANIFEST)) {
                candidates.add(e);
            }
            return candidates.size() < MAX * 10;
        });
        Map<String, List<ItemEntry>> byDoc = new LinkedHashMap<>();
        candidates.forEach(e -> byDoc.computeIfAbsent(RecordDocuments.docId(e.providerId(), e.recordIdentifier()), k -> new ArrayList<>()).add(e));
        java.util.Set<String> members = membership.matching(id, byDoc.keySet());
        List<Map<String, Object>> items = new ArrayList<>();
        byDoc.forEach((doc, entries) -> {
            if (members.contains(doc)) {
                entries.forEach(e -> {
                    if (items.size() < MAX) {
                        items.add(manifest(e));
                    }
                });
            }
        });
        send(ctx, collection(base + "/iiif/3/collection/theme/" + id, t.titleJa(), t.titleEn(), items));
    }

    private Map<String, Object> manifest(ItemEntry e) {
        Map<String, Object> m = ref(base + "/iiif/3/" + e.id() + "/manifest", "Manifest", e.title() == null ? e.id() : e.title(), null);
        m.put("thumbnail", List.of(Map.of("id", base + "/iiif/3/image/" + e.id() + "~1/full/!200,200/0/default.jpg", "type", "Image",
                "format", "image/jpeg")));
        return m;
    }

    private static Map<String, Object> ref(String id, String type, String ja, String en) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        m.put("label", label(ja, en));
        return m;
    }

    private static Map<String, Object> label(String ja, String en) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("ja", List.of(ja == null ? "" : ja));
        if (en != null && !en.isBlank()) {
            l.put("en", List.of(en));
        }
        return l;
    }

    private static Map<String, Object> collection(String id, String ja, String en, List<Map<String, Object>> items) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("@context", CONTEXT);
        c.put("id", id);
        c.put("type", "Collection");
        c.put("label", label(ja, en));
        c.put("items", items);
        return c;
    }

    private static void send(Context ctx, Map<String, Object> body) {
        ApiJson.send(ctx, "application/ld+json;profile=\"" + CONTEXT + "\"", body);
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Cache-Control", "private, max-age=60");
        ctx.header("Vary", "Authorization, X-Institution-Key, Cookie");
    }
}
