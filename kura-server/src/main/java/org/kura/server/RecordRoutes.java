package org.kura.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.StoredRecord;

/**
 * Records by the provider's identifier.
 *
 * <pre>
 * GET /api/records/{id}            public   current version (410 for a deleted record)
 * GET /api/records/{id}/history    public   every version, newest first
 * </pre>
 * The id is the provider's identifier, URL-encoded (e.g. {@code oai%3Aexample.org%3A123}); when two
 * providers use the same identifier, {@code ?provider=} chooses, otherwise the answer is 300 with
 * the choices.
 */
public final class RecordRoutes implements RouteGroup {
    private final CatalogStore store;

    public RecordRoutes(CatalogStore store) {
        this.store = store;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/records/<id>", this::record);
    }

    private void record(Context ctx) {
        String raw = ctx.pathParam("id");
        boolean history = raw.endsWith("/history");
        String id = decode(history ? raw.substring(0, raw.length() - "/history".length()) : raw);
        StoredRecord current = find(ctx, id);
        if (current == null) {
            return;
        }
        if (history) {
            List<Map<String, Object>> versions = store.history(current.providerId(), current.identifier())
                    .stream().map(RecordRoutes::view).toList();
            ctx.json(Map.of("id", id, "provider", current.providerId(), "versions", versions));
            return;
        }
        ctx.header("ETag", "\"" + current.providerId() + "-" + current.version() + "\"");
        if (current.deleted()) {
            ctx.status(410);
        }
        ctx.json(view(current));
    }

    private StoredRecord find(Context ctx, String id) {
        String provider = ctx.queryParam("provider");
        if (provider != null) {
            return store.record(provider, id)
                    .orElseThrow(() -> ProblemException.notFound("no record " + id + " from provider " + provider));
        }
        List<StoredRecord> found = store.recordsByIdentifier(id);
        if (found.isEmpty()) {
            throw ProblemException.notFound("no record with identifier " + id);
        }
        if (found.size() > 1) {
            ctx.status(300);
            ctx.json(Map.of("id", id, "choices", found.stream()
                    .map(r -> Map.of("provider", r.providerId(),
                            "href", "/api/records/" + encode(id) + "?provider=" + r.providerId()))
                    .toList()));
            return null;
        }
        return found.get(0);
    }

    static Map<String, Object> view(StoredRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.identifier());
        m.put("provider", r.providerId());
        m.put("version", r.version());
        m.put("deleted", r.deleted());
        m.put("datestamp", r.datestamp());
        m.put("updated", r.updatedAt());
        m.put("metadataPrefix", r.metadataPrefix());
        m.put("rawSha256", r.rawHash());
        if (r.normalized() != null) {
            m.put("record", r.normalized());
        }
        return m;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("malformed percent-encoding in record id");
        }
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
