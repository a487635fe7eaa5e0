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
 * GET /api/records/{id}[.suffix]   public   current version (410 for a deleted record), as JSON or, by
 *                                           suffix or Accept, any {@link RecordFormat} (xml, jpcoar, rdf,
 *                                           ttl, nt, jsonld); ETag + Last-Modified, 304 when unchanged
 * GET /api/records/{id}/history    public   every version, newest first
 * </pre>
 * The id is the provider's identifier, URL-encoded (e.g. {@code oai%3Aexample.org%3A123}); when two
 * providers use the same identifier, {@code ?provider=} chooses, otherwise the answer is 300 with
 * the choices.
 */
public final class RecordRoutes implements RouteGroup {
    private static final String JSON = "application/json";
    private final CatalogStore store;
    private final Map<String, RecordFormat> bySuffix = new LinkedHashMap<>();

    public RecordRoutes(CatalogStore store) {
        this(store, List.of());
    }

    public RecordRoutes(CatalogStore store, List<RecordFormat> formats) {
        this.store = store;
        for (RecordFormat f : formats) {
            bySuffix.put(f.suffix(), f);
        }
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/records/<id>", this::record);
    }

    private void record(Context ctx) throws java.io.IOException {
        String raw = ctx.pathParam("id");
        boolean history = raw.endsWith("/history");
        String id = decode(history ? raw.substring(0, raw.length() - "/history".length()) : raw);
        RecordFormat format = null;
        int dot = id.lastIndexOf('.');
        if (!history && dot > 0 && (bySuffix.containsKey(id.substring(dot + 1)) || id.endsWith(".json"))
                && store.recordsByIdentifier(id).isEmpty()) {
            format = bySuffix.get(id.substring(dot + 1)); // null for .json
            id = id.substring(0, dot);
        } else if (!history) {
            format = negotiate(ctx.header("Accept"));
        }
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
        String etag = "\"" + current.providerId() + "-" + current.version() + (format == null ? "" : "-" + format.suffix()) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept");
        ctx.header("Cache-Control", "public, max-age=60");
        ctx.header("Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                current.updatedAt().atZone(java.time.ZoneOffset.UTC)));
        if (notModified(ctx, etag, current.updatedAt())) {
            ctx.status(304);
            return;
        }
        if (current.deleted()) {
            ctx.status(410);
            ctx.json(view(current));
            return;
        }
        if (format == null) {
            ctx.json(view(current));
            return;
        }
        ctx.contentType(format.mediaType() + (format.mediaType().startsWith("text/") || format.mediaType().endsWith("xml")
                ? "; charset=UTF-8" : ""));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        format.write(current, out);
        ctx.result(out.toByteArray());
    }

    private static boolean notModified(Context ctx, String etag, java.time.Instant updated) {
        String inm = ctx.header("If-None-Match");
        if (inm != null) {
            return java.util.Arrays.stream(inm.split(",")).map(String::strip)
                    .anyMatch(t -> t.equals(etag) || t.equals("W/" + etag) || t.equals("*"));
        }
        String ims = ctx.header("If-Modified-Since");
        if (ims != null) {
            try {
                java.time.Instant since = java.time.ZonedDateTime.parse(ims, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return !updated.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(since);
            } catch (java.time.format.DateTimeParseException e) {
                return false; // an unreadable date is ignored, as RFC 9110 says
            }
        }
        return false;
    }

    /**
     * The format the Accept header prefers (q-values honoured); null for JSON. 406 when the client
     * accepts nothing Kura has.
     */
    RecordFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return null;
        }
        double bestQ = 0;
        RecordFormat best = null;
        boolean json = false;
        for (String part : accept.split(",")) {
            String[] p = part.strip().split(";");
            String type = p[0].strip().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q <= 0) {
                continue;
            }
            if (type.equals(JSON) || type.equals("*/*") || type.equals("application/*")) {
                if (q > bestQ) {
                    bestQ = q;
                    best = null;
                    json = true;
                }
                continue;
            }
            for (RecordFormat f : bySuffix.values()) {
                if ((f.mediaType().equals(type) || f.aliases().contains(type)) && q > bestQ) {
                    bestQ = q;
                    best = f;
                    json = false;
                }
            }
        }
        if (best == null && !json) {
            throw new ProblemException(406, "Not Acceptable", "records are available as " + JSON + ", "
                    + bySuffix.values().stream().map(RecordFormat::mediaType).collect(java.util.stream.Collectors.joining(", ")));
        }
        return best;
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

    /** A record identifier from a path segment ({@code +} kept as a plus); 400 for malformed escapes. */
    public static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("malformed percent-encoding in record id");
        }
    }

    /** A record identifier as one path segment: every reserved character percent-encoded ({@code /}, {@code ?}). */
    public static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
