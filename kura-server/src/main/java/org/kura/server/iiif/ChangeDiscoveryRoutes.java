package org.kura.server.iiif;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Change;
import org.kura.catalog.StoredRecord;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * IIIF Change Discovery 1.0 (https://iiif.io/api/discovery/1.0/): the catalog's change log as an
 * Activity Streams ordered collection, for aggregators that prefer it to OAI-PMH. Page {@code n}
 * holds the changes with sequence numbers {@code n·100+1 … (n+1)·100}, oldest first, so every page
 * but the last never changes (and is cached as such); consumers read from {@code last} backwards
 * until they reach what they already have.
 *
 * <pre>
 * GET /iiif/discovery/changes              public   the OrderedCollection (first, last)
 * GET /iiif/discovery/changes/page/{n}     public   an OrderedCollectionPage of Create/Update/Delete activities
 * </pre>
 * The object of an activity is the record's IIIF Manifest when it has one, else the record's
 * Linked Data URI; {@code seeAlso} points to its JSON.
 */
public final class ChangeDiscoveryRoutes implements RouteGroup {
    static final String CONTEXT = "http://iiif.io/api/discovery/1/context.json";
    static final int PAGE = 100;
    private final CatalogStore store;
    private final String base;

    public ChangeDiscoveryRoutes(CatalogStore store, String baseUrl) {
        this.store = store;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/iiif/discovery/changes", this::collection);
        app.get("/iiif/discovery/changes/page/{n}", this::page);
    }

    private String collectionId() {
        return base + "/iiif/discovery/changes";
    }

    private Map<String, Object> pageRef(long n) {
        return Map.of("id", collectionId() + "/page/" + n, "type", "OrderedCollectionPage");
    }

    private long lastPage() {
        long last = store.lastChangeSeq();
        return last == 0 ? 0 : (last - 1) / PAGE;
    }

    private void collection(Context ctx) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("@context", CONTEXT);
        c.put("id", collectionId());
        c.put("type", "OrderedCollection");
        c.put("first", pageRef(0));
        c.put("last", pageRef(lastPage()));
        ctx.contentType("application/ld+json;profile=\"" + CONTEXT + "\"");
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.result(json(c));
    }

    private void page(Context ctx) {
        long n;
        try {
            n = Long.parseLong(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("page must be a number: " + ctx.pathParam("n"));
        }
        long last = lastPage();
        if (n < 0 || n > last) {
            throw ProblemException.notFound("no page " + n + "; pages are 0 to " + last);
        }
        List<Change> changes = store.changesSince(n * PAGE, PAGE).stream().filter(c -> c.seq() <= (n + 1) * PAGE).toList();
        Map<String, StoredRecord> records = current(changes);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Change c : changes) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("type", c.kind() == Change.Kind.DELETE ? "Delete" : c.version() <= 1 ? "Create" : "Update");
            StoredRecord r = records.get(c.providerId() + "\u0000" + c.identifier());
            String recordUri = base + "/id/record/" + c.providerId() + "/" + enc(c.identifier());
            String manifest = r == null || r.normalized() == null ? null : r.normalized().links().stream()
                    .filter(l -> l.kind() == LinkKind.IIIF_MANIFEST).map(Link::url).findFirst().orElse(null);
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("id", manifest != null ? manifest : recordUri);
            object.put("type", manifest != null ? "Manifest" : "CreativeWork");
            object.put("seeAlso", List.of(Map.of("id", base + "/api/records/" + enc(c.identifier()) + "?provider="
                    + c.providerId(), "type", "Dataset", "format", "application/json")));
            a.put("object", object);
            a.put("endTime", c.at().toString());
            items.add(a);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("@context", CONTEXT);
        p.put("id", collectionId() + "/page/" + n);
        p.put("type", "OrderedCollectionPage");
        p.put("partOf", Map.of("id", collectionId(), "type", "OrderedCollection"));
        p.put("startIndex", n * PAGE);
        if (n > 0) {
            p.put("prev", pageRef(n - 1));
        }
        if (n < last) {
            p.put("next", pageRef(n + 1));
        }
        p.put("orderedItems", items);
        ctx.contentType("application/ld+json;profile=\"" + CONTEXT + "\"");
        // a full page never changes again; the last one grows
        ctx.header("Cache-Control", changes.size() == PAGE && n < last ? "public, max-age=31536000, immutable" : "public, max-age=60");
        ctx.result(json(p));
    }

    private Map<String, StoredRecord> current(List<Change> changes) {
        Map<String, List<String>> byProvider = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.kind() == Change.Kind.UPSERT) {
                byProvider.computeIfAbsent(c.providerId(), k -> new ArrayList<>()).add(c.identifier());
            }
        }
        Map<String, StoredRecord> out = new HashMap<>();
        byProvider.forEach((p, ids) -> store.records(p, ids).forEach(r -> out.put(p + "\u0000" + r.identifier(), r)));
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String json(Object o) {
        try {
            return org.kura.catalog.RecordJson.mapper().writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
