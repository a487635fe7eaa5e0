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
 * {@code GET /fulltext?q=&records=&page=}: the full-text results page ({@code records}: only items of the
 * records a metadata query finds). Items the reader may read show passages;
 * items the reader may only locate show the record, the pages and a few short snippets (art. 47-5);
 * the limits are the same {@link FullTextSearch} the API uses.
 */
public final class FullTextPageRoutes implements RouteGroup {
    static final int SIZE = 20;
    private final Pages pages;
    private final FullTextSearch search;
    private final ItemGate gate;
    private final org.kura.server.fulltext.TextRoutes.RecordScope records;

    /** @param records narrows to the records a metadata query finds ({@code records=}); may be null */
    public FullTextPageRoutes(Pages pages, FullTextSearch search, ItemGate gate, org.kura.server.fulltext.TextRoutes.RecordScope records) {
        this.records = records;
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
            String within = ctx.queryParam("records");
            pages.html(ctx, "fulltext.jte", titled, Map.of("view", new FullTextView("", 0, 0, java.util.List.of(), null, null, null,
                    within == null || within.isBlank() ? null : within)));
            return;
        }
        int n = Math.max(1, Math.min(500, HarvestRoutes.intParam(ctx.queryParam("page"), 1)));
        Principal p = gate.principal(ctx);
        FullTextView view;
        try {
            String within = ctx.queryParam("records");
            java.util.List<String> scope = within == null || within.isBlank() || records == null ? null : records.recordIds(within);
            TextEntitlement entitlement = new TextEntitlement(gate, p);
            FullTextSearch.Result result = search.search(q, null, scope, n, SIZE, gate.readerKey(ctx, p), entitlement);
            org.kura.server.fulltext.TextRoutes.audit(ctx, gate, entitlement, result);
            view = FullTextView.of(q, result, n, SIZE).within(scope == null ? null : within);
        } catch (QuerySyntaxException | IllegalArgumentException e) {
            ctx.status(400);
            view = FullTextView.error(q, e.getMessage());
        }
        pages.html(ctx, "fulltext.jte", titled, Map.of("view", view));
    }
}
