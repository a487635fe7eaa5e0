package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.Institution;
import org.kura.server.ApiAccess;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.staff.FieldProblem;
import org.kura.server.staff.InstitutionForm;
import org.kura.server.staff.Registrations;

/**
 * Staff pages for registered institutions (what {@code kura institution …} does), behind the staff login;
 * every POST carries the session's CSRF token. A change takes effect with the next request.
 * <pre>
 * GET  /admin/institutions                     list, the form to add one (ISIL, name, country, address ranges, a key)
 * POST /admin/institutions                     add; an access key asked for is shown once
 * GET  /admin/institutions/{isil}, POST /admin/institutions/{isil}   edit name, country, ranges
 * POST /admin/institutions/{isil}/key          issue a new key (the old one stops working), shown once
 * POST /admin/institutions/{isil}/delete
 * </pre>
 */
public final class InstitutionAdminRoutes implements RouteGroup {
    private final Pages pages;
    private final AdminSessions sessions;
    private final Registrations registry;
    private final List<String> trustedProxies;

    public InstitutionAdminRoutes(Pages pages, AdminSessions sessions, Registrations registry, List<String> trustedProxies) {
        this.pages = pages;
        this.sessions = sessions;
        this.registry = registry;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/admin/institutions", ctx -> pages.serve(ctx, sessions.staffOnly((c, p) -> show(c, p, null, InstitutionForm.empty(), null))));
        app.post("/admin/institutions", ctx -> pages.serve(ctx, sessions.staffOnly(this::add)));
        app.get("/admin/institutions/{isil}", ctx -> pages.serve(ctx, sessions.staffOnly(this::edit)));
        app.post("/admin/institutions/{isil}", ctx -> pages.serve(ctx, sessions.staffOnly(this::update)));
        app.post("/admin/institutions/{isil}/key", ctx -> pages.serve(ctx, sessions.staffOnly(this::rotateKey)));
        app.post("/admin/institutions/{isil}/delete", ctx -> pages.serve(ctx, sessions.staffOnly(this::remove)));
    }

    private void show(Context ctx, PortalPage page, Institution editing, InstitutionForm form, String key) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("csrf", ctx.attribute("csrf"));
        params.put("institutions", registry.institutions());
        params.put("editing", editing);
        params.put("form", form);
        params.put("errors", FieldErrors.of(form.problems(), page));
        params.put("key", key);
        params.put("message", FieldErrors.done(ctx.queryParam("message"), page));
        pages.html(ctx, "admininstitutions.jte", page.titled(page.t("staff.institutions")), params);
    }

    private void add(Context ctx, PortalPage page) {
        InstitutionForm form = InstitutionForm.read(GalleryForm.from(ctx.formParamMap()), null);
        if (form.valid() && registry.institution(form.isil()).isPresent()) {
            form = form.with(new FieldProblem("isil", "staff.error.isilTaken", form.isil()));
        }
        if (!form.valid()) {
            ctx.status(400);
            show(ctx, page, null, form, null);
            return;
        }
        String key = registry.addInstitution(form, client(ctx)).orElse(null);
        if (key == null) {
            ctx.redirect("/admin/institutions/" + form.isil() + "?message=saved", HttpStatus.SEE_OTHER);
            return;
        }
        Institution added = registry.institution(form.isil()).orElseThrow();
        show(ctx, page, added, InstitutionForm.of(added), key);
    }

    private void edit(Context ctx, PortalPage page) {
        Institution i = find(ctx, page);
        show(ctx, page, i, InstitutionForm.of(i), null);
    }

    private void update(Context ctx, PortalPage page) {
        Institution i = find(ctx, page);
        InstitutionForm form = InstitutionForm.read(GalleryForm.from(ctx.formParamMap()), i.isil());
        if (!form.valid()) {
            ctx.status(400);
            show(ctx, page, i, form, null);
            return;
        }
        registry.updateInstitution(i.isil(), form, client(ctx));
        ctx.redirect("/admin/institutions/" + i.isil() + "?message=saved", HttpStatus.SEE_OTHER);
    }

    private void rotateKey(Context ctx, PortalPage page) {
        Institution i = find(ctx, page);
        String key = registry.rotateKey(i.isil(), client(ctx)).orElseThrow();
        Institution now = registry.institution(i.isil()).orElseThrow();
        show(ctx, page, now, InstitutionForm.of(now), key);
    }

    private void remove(Context ctx, PortalPage page) {
        Institution i = find(ctx, page);
        registry.removeInstitution(i.isil(), client(ctx));
        ctx.redirect("/admin/institutions?message=removed", HttpStatus.SEE_OTHER);
    }

    private Institution find(Context ctx, PortalPage page) {
        String isil = ctx.pathParam("isil");
        return registry.institution(isil).orElseThrow(() -> ProblemException.notFound(page.t("staff.noInstitution", isil)));
    }

    private String client(Context ctx) {
        return ApiAccess.clientAddress(ctx, trustedProxies);
    }
}
