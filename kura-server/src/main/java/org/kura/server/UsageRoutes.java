package org.kura.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.server.access.UsageLog;

/**
 * {@code GET /api/admin/usage?from=YYYY-MM-DD&to=YYYY-MM-DD} (staff): anonymized usage of digitized items,
 * daily counts by item, action (MANIFEST, DOWNLOAD, FULLTEXT, SNIPPET) and kind of principal, at most a
 * year at a time; what was counted since the last minute's flush is flushed first.
 */
public final class UsageRoutes implements RouteGroup {
    private final CatalogStore store;
    private final UsageLog usage;

    public UsageRoutes(CatalogStore store, UsageLog usage) {
        this.store = store;
        this.usage = usage;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/admin/usage", this::usage);
    }

    private void usage(Context ctx) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from;
        LocalDate to;
        try {
            to = ctx.queryParam("to") == null ? today : LocalDate.parse(ctx.queryParam("to"));
            from = ctx.queryParam("from") == null ? to.minusDays(30) : LocalDate.parse(ctx.queryParam("from"));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("from and to are dates: YYYY-MM-DD");
        }
        if (from.isAfter(to) || from.plusDays(366).isBefore(to)) {
            throw ProblemException.badRequest("from must not be after to, and at most a year before it");
        }
        usage.flush();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("counts", store.usage(from, to).stream().map(u -> Map.of("day", u.day().toString(), "item", u.itemId(),
                "action", u.action(), "principalKind", u.principalKind(), "uses", u.uses())).toList());
        ApiJson.send(ctx, "application/json", out);
    }
}
