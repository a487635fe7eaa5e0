package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.kura.fulltext.FullTextSearch;
import org.kura.search.query.QuerySyntaxException;
import org.kura.server.HarvestRoutes;
import org.kura.server.RouteGroup;
import org.kura.server.access.ItemGate;
import org.kura.server.access.Principal;
import org.kura.server.fulltext.TextEntitlement;

/**
 * {@code GET /fulltext?q=&page=}: the full-text results page. Items the reader may read show passages;
 * items the reader may only locate show the record, the pages and a few short snippets (art. 47-5);
 * the limits are the same {@link FullTextSearch} the API uses.
 */
public final class FullTextPageRoutes implements RouteGroup {
    static final int SIZE = 20;
    private final Pages pages;
    private final FullTextSearch search;
    private final ItemGate gate;

    public FullTextPageRoutes(Pages pages, FullTextSearch search, ItemGate gate) {
        this.pages = pages;
        this.search = search;
        this.gate = gate;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/fulltext", ctx -> pages.serve(ctx, this::results));
    }

    private void results(Context ctx, PortalPage page) {
        String q = ctx.queryParam("q");
        PortalPage titled = page.titled(q == null || q.isBlank() ? page.t("fulltext.title") : page.t("fulltext.titleFor", q));
        ctx.header("Cache-Control", "private, no-store");
        if (q == null || q.isBlank()) {
            pages.html(ctx, "fulltext.jte", titled, Map.of("view", new FullTextView("", 0, 0, java.util.List.of(), null, null, null)));
            return;
        }
        int n = Math.max(1, Math.min(500, HarvestRoutes.intParam(ctx.queryParam("page"), 1)));
        Principal p = gate.principal(ctx);
        FullTextView view;
        try {
            view = FullTextView.of(q, search.search(q, null, null, n, SIZE, gate.readerKey(ctx, p), new TextEntitlement(gate, p)), n, SIZE);
        } catch (QuerySyntaxException | IllegalArgumentException e) {
            ctx.status(400);
            view = FullTextView.error(q, e.getMessage());
        }
        pages.html(ctx, "fulltext.jte", titled, Map.of("view", view));
    }
}
