package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.Reader;
import org.kura.server.ApiAccess;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.staff.FieldProblem;
import org.kura.server.staff.ReaderForm;
import org.kura.server.staff.Registrations;

/**
 * Staff pages for registered readers (what {@code kura user …} does), behind the staff login; every POST
 * carries the session's CSRF token.
 * <pre>
 * GET  /admin/readers?q=&amp;status=all|active|disabled   list and search, the form to add a reader
 * POST /admin/readers                          add (a password set by staff, or a one-time password shown once)
 * GET  /admin/readers/{name}, POST /admin/readers/{name}   edit display name, country, print-disabled status
 * POST /admin/readers/{name}/disable, …/enable, …/password (a new one-time password), …/delete
 * </pre>
 */
public final class ReaderAdminRoutes implements RouteGroup {
    private final Pages pages;
    private final AdminSessions sessions;
    private final Registrations registry;
    private final List<String> trustedProxies;

    public ReaderAdminRoutes(Pages pages, AdminSessions sessions, Registrations registry, List<String> trustedProxies) {
        this.pages = pages;
        this.sessions = sessions;
        this.registry = registry;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/admin/readers", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> show(c, p, null, ReaderForm.empty(), null))));
        app.post("/admin/readers", ctx -> pages.serve(ctx, sessions.staffOnly(this::add)));
        app.get("/admin/readers/{name}", ctx -> pages.serve(ctx, sessions.staffOnly(this::edit)));
        app.post("/admin/readers/{name}", ctx -> pages.serve(ctx, sessions.staffOnly(this::update)));
        app.post("/admin/readers/{name}/disable", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> disable(c, p, true))));
        app.post("/admin/readers/{name}/enable", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> disable(c, p, false))));
        app.post("/admin/readers/{name}/password", ctx -> pages.serve(ctx, sessions.staffOnly(this::resetPassword)));
        app.post("/admin/readers/{name}/delete", ctx -> pages.serve(ctx, sessions.staffOnly(this::remove)));
    }

    /** The list (filtered by the query string), and either the add form or the edit form of {@code editing}. */
    private void show(Context ctx, PortalPage page, Reader editing, ReaderForm form, String secret) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        String status = ctx.queryParam("status") == null ? "all" : ctx.queryParam("status");
        Boolean disabled = switch (status) {
            case "active" -> Boolean.FALSE;
            case "disabled" -> Boolean.TRUE;
            default -> null;
        };
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("csrf", ctx.attribute("csrf"));
        params.put("readers", registry.readers(q, disabled));
        params.put("q", q);
        params.put("status", disabled == null ? "all" : status);
        params.put("editing", editing);
        params.put("form", form);
        params.put("errors", FieldErrors.of(form.problems(), page));
        params.put("secret", secret);
        params.put("message", FieldErrors.done(ctx.queryParam("message"), page));
        pages.html(ctx, "adminreaders.jte", page.titled(page.t("staff.readers")), params);
    }

    private void add(Context ctx, PortalPage page) {
        ReaderForm form = ReaderForm.read(GalleryForm.from(ctx.formParamMap()), true);
        if (form.valid() && registry.reader(form.name()).isPresent()) {
            form = form.with(new FieldProblem("name", "staff.error.readerTaken", form.name()));
        }
        if (!form.valid()) {
            ctx.status(400);
            show(ctx, page, null, form, null);
            return;
        }
        String made = registry.addReader(form, client(ctx)).orElse(null);
        Reader added = registry.reader(form.name()).orElseThrow();
        show(ctx, page, added, formOf(added), made);
    }

    private void edit(Context ctx, PortalPage page) {
        Reader r = find(ctx, page);
        show(ctx, page, r, formOf(r), null);
    }

    private void update(Context ctx, PortalPage page) {
        Reader r = find(ctx, page);
        ReaderForm form = ReaderForm.read(GalleryForm.from(ctx.formParamMap()), false);
        if (!form.valid()) {
            ctx.status(400);
            show(ctx, page, r, new ReaderForm(r.name(), form.displayName(), form.country(), form.printDisabled(), "", form.problems()), null);
            return;
        }
        registry.updateReader(r.name(), form, client(ctx));
        ctx.redirect("/admin/readers/" + r.name() + "?message=saved", HttpStatus.SEE_OTHER);
    }

    private void disable(Context ctx, PortalPage page, boolean disabled) {
        Reader r = find(ctx, page);
        registry.setDisabled(r.name(), disabled, client(ctx));
        ctx.redirect("/admin/readers/" + r.name() + "?message=" + (disabled ? "disabled" : "enabled"), HttpStatus.SEE_OTHER);
    }

    private void resetPassword(Context ctx, PortalPage page) {
        Reader r = find(ctx, page);
        String made = registry.resetPassword(r.name(), client(ctx)).orElseThrow();
        show(ctx, page, r, formOf(r), made);
    }

    private void remove(Context ctx, PortalPage page) {
        Reader r = find(ctx, page);
        registry.removeReader(r.name(), client(ctx));
        ctx.redirect("/admin/readers?message=removed", HttpStatus.SEE_OTHER);
    }

    private Reader find(Context ctx, PortalPage page) {
        String name = ctx.pathParam("name");
        return registry.reader(name).orElseThrow(() -> ProblemException.notFound(page.t("staff.noReader", name)));
    }

    private static ReaderForm formOf(Reader r) {
        return new ReaderForm(r.name(), r.displayName() == null ? "" : r.displayName(), r.country() == null ? "" : r.country(),
                r.printDisabled(), "", List.of());
    }

    private String client(Context ctx) {
        return ApiAccess.clientAddress(ctx, trustedProxies);
    }
}
