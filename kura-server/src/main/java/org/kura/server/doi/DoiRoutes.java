package org.kura.server.doi;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.DoiEntry;
import org.kura.lod.doi.DoiException;
import org.kura.model.AccessTier;
import org.kura.server.ApiJson;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * DOIs of digitized items over HTTP.
 * <pre>
 * GET /doi/{doi}                          anyone   303 to the landing page: the page of the record the item digitizes
 *                                                  (400 malformed DOI, 404 unknown DOI)
 * GET /api/admin/dois?offset=&amp;limit=       staff    the DOIs minted, in order
 * GET /api/admin/dois/{doi}               staff    one DOI: item, record, state, landing page
 * GET /api/admin/dois/{doi}/datacite.xml  staff    its DataCite 4.5 registration XML (422 when the record lacks a
 *                                                  mandatory property, e.g. a publication year)
 * GET /api/admin/dois/{doi}/jalc.xml      staff    its JaLC deposit XML
 * </pre>
 * A DOI has slashes, so the routes take the rest of the path. Resolving a DOI tells no more than the record page
 * already does: it leads to the public record page, whatever the item's tier, and the page shows a WITHHELD item
 * as restricted only; the registration XML and the entries are staff-only ({@code /api/admin}, bearer token).
 */
public final class DoiRoutes implements RouteGroup {
    private final CatalogStore store;
    private final DoiDocuments documents;

    public DoiRoutes(CatalogStore store, DoiDocuments documents) {
        this.store = store;
        this.documents = documents;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/doi/<doi>", ctx -> problems(() -> resolve(ctx)));
        app.get("/api/admin/dois", ctx -> problems(() -> list(ctx)));
        app.get("/api/admin/dois/<path>", ctx -> problems(() -> admin(ctx)));
    }

    private void resolve(Context ctx) {
        DoiEntry e = documents.require(ctx.pathParam("doi"));
        if (store.item(e.itemId()).map(i -> i.tier() == AccessTier.WITHHELD).orElse(false)) {
            // a WITHHELD item's existence is staff-only (the record page does not show its DOI either): answered
            // exactly as a DOI this catalog does not have, so that walking {seq} DOIs finds nothing
            throw new DoiException(DoiException.Reason.NOT_FOUND, "no DOI " + ctx.pathParam("doi") + " in this catalog");
        }
        String landing = documents.landingPath(e).orElseThrow(() -> ProblemException.notFound("DOI " + e.doi()
                + " has no landing page: the item digitizes no catalog record"));
        ctx.header("Cache-Control", "no-cache");
        ctx.redirect(landing, HttpStatus.SEE_OTHER);
    }

    private void list(Context ctx) {
        int offset = number(ctx.queryParam("offset"), 0, Integer.MAX_VALUE);
        int limit = number(ctx.queryParam("limit"), 100, 1000);
        ApiJson.send(ctx, "application/json", Map.of("offset", offset,
                "dois", store.dois(offset, limit).stream().map(this::json).toList()));
    }

    private void admin(Context ctx) {
        String path = ctx.pathParam("path");
        if (path.endsWith("/datacite.xml")) {
            DoiEntry e = documents.require(path.substring(0, path.length() - "/datacite.xml".length()));
            ctx.contentType("application/xml; charset=utf-8").result(documents.dataCite(e));
        } else if (path.endsWith("/jalc.xml")) {
            DoiEntry e = documents.require(path.substring(0, path.length() - "/jalc.xml".length()));
            ctx.contentType("application/xml; charset=utf-8").result(documents.jalc(e));
        } else {
            ApiJson.send(ctx, "application/json", json(documents.require(path)));
        }
    }

    private Map<String, Object> json(DoiEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("doi", e.doi());
        m.put("url", e.url());
        m.put("item", e.itemId());
        m.put("provider", e.providerId());
        m.put("record", e.recordIdentifier());
        m.put("state", e.state().name());
        m.put("landingPage", documents.landingPath(e).orElse(null));
        m.put("created", e.createdAt());
        m.put("updated", e.updatedAt());
        return m;
    }

    private static int number(String s, int dflt, int max) {
        if (s == null || s.isBlank()) {
            return dflt;
        }
        if (!s.matches("[0-9]{1,9}")) {
            throw ProblemException.badRequest("offset and limit are non-negative numbers");
        }
        return Math.min(Integer.parseInt(s), max);
    }

    /** The one place where DOI errors become HTTP statuses. */
    private static void problems(Runnable handler) {
        try {
            handler.run();
        } catch (DoiException e) {
            throw switch (e.reason()) {
                case MALFORMED -> ProblemException.badRequest(e.getMessage());
                case NOT_FOUND -> ProblemException.notFound(e.getMessage());
                case NOT_REGISTRABLE -> new ProblemException(422, "Unprocessable Content", e.getMessage());
                case BAD_PATTERN -> new ProblemException(409, "Conflict", e.getMessage());
            };
        }
    }
}
