package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.QuarantineEntry;
import org.kura.ingest.pipeline.QuarantineRetry;
import org.kura.model.Provider;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * The quarantine browser of the staff area (what {@code kura quarantine} does): each provider's refused
 * records with the stage and reason, the bytes as received, and a retry through today's crosswalk, one
 * record or a provider's oldest {@value #RETRY_ALL}. Behind the staff login; every POST carries the session's CSRF token.
 * <pre>
 * GET  /admin/quarantine[?provider=&amp;offset=]      providers with refused records; one provider's entries
 * POST /admin/quarantine/{id}/retry                 retry one entry
 * POST /admin/quarantine/retry?provider=            retry a provider's oldest entries
 * </pre>
 */
public final class QuarantineAdminRoutes implements RouteGroup {
    static final int PAGE = 50;
    static final int RETRY_ALL = 200;
    private static final int SHOWN_BYTES = 2000;

    private final Pages pages;
    private final AdminSessions sessions;
    private final CatalogStore store;
    private final QuarantineRetry retry;

    public QuarantineAdminRoutes(Pages pages, AdminSessions sessions, CatalogStore store, QuarantineRetry retry) {
        this.pages = pages;
        this.sessions = sessions;
        this.store = store;
        this.retry = retry;
    }

    /** A provider and how many of its records are quarantined. */
    public record ProviderCount(String id, String name, long quarantined) {
    }

    /** One entry as the page shows it: the bytes received as text, cut to a readable length. */
    public record Row(long id, String identifier, String stage, String reason, String received, boolean cut) {
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/admin/quarantine", ctx -> pages.serve(ctx, sessions.staffOnly(this::show)));
        app.post("/admin/quarantine/retry", ctx -> pages.serve(ctx, sessions.staffOnly(this::retryAll)));
        app.post("/admin/quarantine/{id}/retry", ctx -> pages.serve(ctx, sessions.staffOnly(this::retryOne)));
    }

    private void show(Context ctx, PortalPage page) {
        List<ProviderCount> providers = new ArrayList<>();
        for (Provider p : store.providers()) {
            providers.add(new ProviderCount(p.id(), p.nameJa(), store.countQuarantine(p.id())));
        }
        String provider = ctx.queryParam("provider");
        Provider chosen = provider == null || provider.isBlank() ? null
                : store.provider(provider).orElseThrow(() -> ProblemException.notFound(page.t("error.noProvider", provider)));
        int offset = offset(ctx.queryParam("offset"));
        List<Row> rows = new ArrayList<>();
        long total = 0;
        if (chosen != null) {
            total = store.countQuarantine(chosen.id());
            for (QuarantineEntry e : store.quarantine(chosen.id(), offset, PAGE)) {
                String text = e.bytes() == null ? "" : new String(e.bytes(), java.nio.charset.StandardCharsets.UTF_8);
                rows.add(new Row(e.id(), e.identifier(), e.stage().name(), e.reason(),
                        text.length() > SHOWN_BYTES ? text.substring(0, SHOWN_BYTES) : text, text.length() > SHOWN_BYTES));
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("csrf", ctx.attribute("csrf"));
        params.put("providers", providers);
        params.put("provider", chosen == null ? null : chosen.id());
        params.put("rows", rows);
        params.put("total", total);
        params.put("prev", offset > 0 ? Math.max(0, offset - PAGE) : -1);
        params.put("next", offset + PAGE < total ? offset + PAGE : -1);
        params.put("message", ctx.queryParam("message"));
        pages.html(ctx, "adminquarantine.jte", page.titled(page.t("admin.quarantine")), params);
    }

    private void retryOne(Context ctx, PortalPage page) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound(page.t("admin.noQuarantined", ctx.pathParam("id")));
        }
        QuarantineEntry entry = store.quarantineEntry(id)
                .orElseThrow(() -> ProblemException.notFound(page.t("admin.noQuarantined", Long.toString(id))));
        QuarantineRetry.Outcome o = retry.retry(id);
        String message = o.stored() ? page.t("admin.retryStored", "#" + id + " " + o.identifier())
                : page.t("admin.retryFailed", "#" + id, o.message());
        back(ctx, entry.providerId(), message);
    }

    private void retryAll(Context ctx, PortalPage page) {
        String provider = ctx.queryParam("provider");
        if (provider == null || store.provider(provider).isEmpty()) {
            throw ProblemException.notFound(page.t("error.noProvider", provider == null ? "" : provider));
        }
        List<QuarantineRetry.Outcome> outcomes = retry.retryAll(provider, RETRY_ALL);
        long stored = outcomes.stream().filter(QuarantineRetry.Outcome::stored).count();
        back(ctx, provider, page.t("admin.retryAllDone", outcomes.size(), stored, store.countQuarantine(provider)));
    }

    private static void back(Context ctx, String provider, String message) {
        ctx.redirect("/admin/quarantine?provider=" + QueryString.enc(provider) + "&message=" + QueryString.enc(message),
                HttpStatus.SEE_OTHER);
    }

    private static int offset(String s) {
        try {
            return s == null ? 0 : Math.max(0, Math.min(Integer.parseInt(s), 10_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
