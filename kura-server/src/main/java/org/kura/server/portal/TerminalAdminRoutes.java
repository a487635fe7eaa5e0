package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.Terminal;
import org.kura.server.ApiAccess;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.staff.FieldProblem;
import org.kura.server.staff.Registrations;
import org.kura.server.staff.TerminalForm;

/**
 * Staff pages for on-site terminals (what {@code kura terminal …} does), behind the staff login; every
 * POST carries the session's CSRF token.
 * <pre>
 * GET  /admin/terminals, POST /admin/terminals                     list, add (id, name, ISIL, address ranges)
 * GET  /admin/terminals/{id}, POST /admin/terminals/{id}           edit
 * POST /admin/terminals/{id}/delete
 * </pre>
 */
public final class TerminalAdminRoutes implements RouteGroup {
    private final Pages pages;
    private final AdminSessions sessions;
    private final Registrations registry;
    private final List<String> trustedProxies;

    public TerminalAdminRoutes(Pages pages, AdminSessions sessions, Registrations registry, List<String> trustedProxies) {
        this.pages = pages;
        this.sessions = sessions;
        this.registry = registry;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/admin/terminals", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> show(c, p, null, TerminalForm.empty()))));
        app.post("/admin/terminals", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> save(c, p, null))));
        app.get("/admin/terminals/{id}", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> {
            Terminal t = find(c, p);
            show(c, p, t, TerminalForm.of(t));
        })));
        app.post("/admin/terminals/{id}", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> save(c, p, find(c, p)))));
        app.post("/admin/terminals/{id}/delete", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> {
            registry.removeTerminal(find(c, p).id(), ApiAccess.clientAddress(c, trustedProxies));
            c.redirect("/admin/terminals?message=removed", HttpStatus.SEE_OTHER);
        })));
    }

    private void show(Context ctx, PortalPage page, Terminal editing, TerminalForm form) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("csrf", ctx.attribute("csrf"));
        params.put("terminals", registry.terminals());
        params.put("editing", editing);
        params.put("form", form);
        params.put("errors", FieldErrors.of(form.problems(), page));
        params.put("message", FieldErrors.done(ctx.queryParam("message"), page));
        pages.html(ctx, "adminterminals.jte", page.titled(page.t("staff.terminals")), params);
    }

    /** Adds a terminal ({@code editing} null) or saves the one edited. */
    private void save(Context ctx, PortalPage page, Terminal editing) {
        TerminalForm form = TerminalForm.read(GalleryForm.from(ctx.formParamMap()), editing == null ? null : editing.id());
        if (editing == null && form.valid() && registry.terminal(form.id()).isPresent()) {
            form = form.with(new FieldProblem("id", "staff.error.terminalTaken", form.id()));
        }
        if (!form.valid()) {
            ctx.status(400);
            show(ctx, page, editing, form);
            return;
        }
        registry.saveTerminal(form, ApiAccess.clientAddress(ctx, trustedProxies));
        ctx.redirect("/admin/terminals/" + form.id() + "?message=saved", HttpStatus.SEE_OTHER);
    }

    private Terminal find(Context ctx, PortalPage page) {
        String id = ctx.pathParam("id");
        return registry.terminal(id).orElseThrow(() -> ProblemException.notFound(page.t("staff.noTerminal", id)));
    }
}
