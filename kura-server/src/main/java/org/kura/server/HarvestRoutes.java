package org.kura.server;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.ingest.pipeline.HarvestMonitor;
import org.kura.ingest.pipeline.Progress;

/**
 * Harvest runs and their live progress.
 *
 * <pre>
 * GET  /api/admin/harvests                      admin   recent runs (?provider=, ?limit=) + live progress
 * GET  /api/admin/harvests/{run}                admin   one run
 * POST /api/admin/providers/{id}/harvest        admin   start an incremental harvest (202)
 * GET  /api/admin/providers/{id}/quarantine     admin   quarantined records with reasons (?offset=, ?limit=)
 * </pre>
 */
public final class HarvestRoutes implements RouteGroup {
    private final CatalogStore store;
    private final HarvestMonitor monitor;
    private final HarvestLauncher launcher;

    public HarvestRoutes(CatalogStore store, HarvestMonitor monitor, HarvestLauncher launcher) {
        this.store = store;
        this.monitor = monitor;
        this.launcher = launcher;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/admin/harvests", ctx -> {
            int limit = Math.min(500, Math.max(1, intParam(ctx.queryParam("limit"), 50)));
            List<HarvestRun> runs = store.runs(ctx.queryParam("provider"), limit);
            ctx.json(Map.of("live", monitor.live().stream().map(HarvestRoutes::live).toList(), "runs", runs));
        });
        app.get("/api/admin/harvests/{run}", ctx -> {
            long id = longParam(ctx.pathParam("run"));
            ctx.json(store.run(id).orElseThrow(() -> ProblemException.notFound("no run " + id)));
        });
        app.post("/api/admin/providers/{id}/harvest", ctx -> {
            String id = ctx.pathParam("id");
            if (store.provider(id).isEmpty()) {
                throw ProblemException.notFound("no provider " + id);
            }
            try {
                String message = launcher.start(id);
                ctx.status(202).header("Location", "/api/admin/harvests?provider=" + id)
                        .json(Map.of("message", message, "runs", "/api/admin/harvests?provider=" + id));
            } catch (IllegalStateException e) {
                throw new ProblemException(409, "Conflict", e.getMessage());
            }
        });
        app.get("/api/admin/providers/{id}/quarantine", ctx -> {
            String id = ctx.pathParam("id");
            int offset = Math.max(0, intParam(ctx.queryParam("offset"), 0));
            int limit = Math.min(500, Math.max(1, intParam(ctx.queryParam("limit"), 50)));
            ctx.json(Map.of("total", store.countQuarantine(id), "entries", store.quarantine(id, offset, limit).stream()
                    .map(q -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("id", q.id());
                        m.put("run", q.runId());
                        m.put("identifier", q.identifier());
                        m.put("stage", q.stage());
                        m.put("reason", q.reason());
                        m.put("bytes", q.bytes().length);
                        m.put("at", q.createdAt());
                        return m;
                    }).toList()));
        });
    }

    private static Map<String, Object> live(Progress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", p.runId());
        m.put("provider", p.providerId());
        m.put("kind", p.kind());
        m.put("done", p.done());
        m.put("expected", p.expected());
        m.put("stored", p.stored());
        m.put("quarantined", p.quarantined());
        m.put("recordsPerSecond", Math.round(p.rate() * 10) / 10.0);
        m.put("etaSeconds", p.eta() == null ? null : p.eta().toSeconds());
        return m;
    }

    /** An integer query parameter, the fallback when absent; 400 when it is not a number. */
    public static int intParam(String v, int fallback) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("not a number: " + v);
        }
    }

    static long longParam(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("not a run id: " + v);
        }
    }
}
