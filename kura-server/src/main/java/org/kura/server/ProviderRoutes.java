package org.kura.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.model.Provider;

/**
 * The provider registry.
 *
 * <pre>
 * GET    /api/providers                  public  id, names, kind, counts
 * GET    /api/admin/providers            admin   full registry entries
 * POST   /api/admin/providers            admin   register (409 when the id exists)
 * GET    /api/admin/providers/{id}       admin
 * PUT    /api/admin/providers/{id}       admin   replace
 * DELETE /api/admin/providers/{id}       admin   remove with its records (change log records deletions)
 * </pre>
 */
public final class ProviderRoutes implements RouteGroup {
    private final CatalogStore store;
    private final ObjectMapper json;

    public ProviderRoutes(CatalogStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/providers", ctx -> ctx.json(store.providers().stream().map(p -> Map.of(
                "id", p.id(), "name", p.nameJa(), "nameEn", p.nameEn() == null ? "" : p.nameEn(),
                "kind", p.kind(), "records", store.countRecords(p.id(), false))).toList()));
        app.get("/api/providers/{id}", ctx -> {
            org.kura.model.Provider p = provider(ctx.pathParam("id"));
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.nameJa());
            m.put("nameEn", p.nameEn());
            m.put("isil", p.isil());
            m.put("kind", p.kind());
            m.put("defaultRights", p.defaultRights());
            m.put("metadataLicence", p.metadataLicence().uri());
            m.put("records", store.countRecords(p.id(), false));
            m.put("quarantined", store.countQuarantine(p.id()));
            m.put("lastHarvest", store.runs(p.id(), 1).stream().findFirst().map(r -> java.util.Map.of("state", r.state(),
                    "started", r.startedAt().toString(), "stored", r.stored(), "quarantined", r.quarantined())).orElse(null));
            m.put("oai", "/oai?verb=ListRecords&metadataPrefix=oai_dc&set=provider:" + p.id());
            ctx.json(m);
        });
        app.get("/api/admin/providers", ctx -> ctx.json(store.providers()));
        app.post("/api/admin/providers", this::create);
        app.get("/api/admin/providers/{id}", ctx -> ctx.json(provider(ctx.pathParam("id"))));
        app.put("/api/admin/providers/{id}", this::replace);
        app.delete("/api/admin/providers/{id}", ctx -> {
            if (!store.removeProvider(ctx.pathParam("id"))) {
                throw ProblemException.notFound("no provider " + ctx.pathParam("id"));
            }
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        Provider p = parse(ctx);
        if (store.provider(p.id()).isPresent()) {
            throw new ProblemException(409, "Conflict", "provider " + p.id() + " already exists");
        }
        store.saveProvider(p);
        ctx.status(201).header("Location", "/api/admin/providers/" + p.id()).json(p);
    }

    private void replace(Context ctx) {
        Provider p = parse(ctx);
        if (!p.id().equals(ctx.pathParam("id"))) {
            throw ProblemException.badRequest("the id in the body (" + p.id() + ") differs from the URL");
        }
        provider(p.id());
        store.saveProvider(p);
        ctx.json(p);
    }

    private Provider provider(String id) {
        return store.provider(id).orElseThrow(() -> ProblemException.notFound("no provider " + id));
    }

    private Provider parse(Context ctx) {
        try {
            return json.readValue(ctx.body(), Provider.class);
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw ProblemException.badRequest("invalid provider: " + root.getMessage());
        }
    }
}
