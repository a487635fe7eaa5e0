package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.RecordJson;
import org.kura.ingest.pipeline.HarvestMonitor;
import org.kura.ingest.pipeline.Progress;
import org.kura.model.Provider;
import org.kura.search.SearchQuery;
import org.kura.server.HarvestLauncher;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * The staff area, behind a login with the admin token (a session cookie, and a CSRF token in every form).
 * <pre>
 * GET  /admin/login, POST /admin/login, POST /admin/logout
 * GET  /admin                          providers, live harvests (refreshing), recent runs; start a harvest
 * POST /admin/harvest/{provider}
 * GET  /admin/themes[/{id}], POST /admin/themes, POST /admin/themes/{id}/delete        theme portal editor
 * POST /admin/reindex                                  rebuild the search index (old one serves meanwhile)
 * GET  /admin/galleries[/{id}], POST /admin/galleries, POST /admin/galleries/{id}/delete   gallery editor (a form of
 *                                                       sections and items; JSON import beside it)
 * </pre>
 */
public final class AdminRoutes implements RouteGroup {
    private final Pages pages;
    private final CatalogStore store;
    private final Curation curation;
    private final AdminSessions sessions;
    private final HarvestMonitor monitor;
    private final HarvestLauncher launcher;
    private final IndexRebuild rebuild;

    public AdminRoutes(Pages pages, CatalogStore store, Curation curation, AdminSessions sessions, HarvestMonitor monitor,
                       HarvestLauncher launcher) {
        this(pages, store, curation, sessions, monitor, launcher, null);
    }

    /** @param rebuild the search index's full rebuild, or null when this server cannot start one */
    public AdminRoutes(Pages pages, CatalogStore store, Curation curation, AdminSessions sessions, HarvestMonitor monitor,
                       HarvestLauncher launcher, IndexRebuild rebuild) {
        this.pages = pages;
        this.store = store;
        this.curation = curation;
        this.sessions = sessions;
        this.monitor = monitor;
        this.launcher = launcher;
        this.rebuild = rebuild;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/admin/login", ctx -> pages.serve(ctx, (c, page) -> loginForm(c, page, null)));
        app.post("/admin/login", ctx -> pages.serve(ctx, this::login));
        app.post("/admin/logout", ctx -> pages.serve(ctx, staff(this::logout)));
        app.get("/admin", ctx -> pages.serve(ctx, staff(this::dashboard)));
        app.post("/admin/harvest/{provider}", ctx -> pages.serve(ctx, staff(this::harvest)));
        app.post("/admin/reindex", ctx -> pages.serve(ctx, staff(this::reindex)));
        app.get("/admin/themes", ctx -> pages.serve(ctx, staff((c, p) -> themeForm(c, p, null, null))));
        app.get("/admin/themes/{id}", ctx -> pages.serve(ctx, staff(this::editTheme)));
        app.post("/admin/themes", ctx -> pages.serve(ctx, staff(this::saveTheme)));
        app.post("/admin/themes/{id}/delete", ctx -> pages.serve(ctx, staff(this::deleteTheme)));
        app.get("/admin/galleries", ctx -> pages.serve(ctx, staff((c, p) -> galleryForm(c, p, null, null, null))));
        app.get("/admin/galleries/{id}", ctx -> pages.serve(ctx, staff(this::editGallery)));
        app.post("/admin/galleries", ctx -> pages.serve(ctx, staff(this::saveGallery)));
        app.post("/admin/galleries/{id}/delete", ctx -> pages.serve(ctx, staff(this::deleteGallery)));
    }

    private Pages.Handler staff(Pages.Handler handler) {
        return sessions.staffOnly(handler);
    }

    private void loginForm(Context ctx, PortalPage page, String error) {
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("error", error);
        pages.html(ctx, "adminlogin.jte", page.titled(page.t("admin.login")), params);
    }

    private void login(Context ctx, PortalPage page) {
        var id = sessions.login(ctx.formParam("token"));
        if (id.isEmpty()) {
            ctx.status(401);
            loginForm(ctx, page, page.t("admin.wrongToken"));
            return;
        }
        Cookie cookie = new Cookie(AdminSessions.COOKIE, id.get());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setSecure("https".equals(ctx.scheme()));
        ctx.cookie(cookie);
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx, PortalPage page) {
        sessions.logout(ctx.cookie(AdminSessions.COOKIE));
        ctx.removeCookie(AdminSessions.COOKIE, "/");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** One provider's line on the dashboard. */
    public record ProviderRow(String id, String name, long records, long quarantined, String lastRun, boolean harvestable) {
    }

    private void dashboard(Context ctx, PortalPage page) {
        List<ProviderRow> rows = new ArrayList<>();
        for (Provider p : store.providers()) {
            List<HarvestRun> runs = store.runs(p.id(), 1);
            String last = runs.isEmpty() ? "—" : runs.get(0).state().name() + " (" + runs.get(0).harvested() + ")";
            rows.add(new ProviderRow(p.id(), p.nameJa(), store.countRecords(p.id(), false), store.countQuarantine(p.id()), last,
                    p.oaiEndpoint() != null && launcher != null));
        }
        List<String> live = monitor == null ? List.of() : monitor.live().stream().map(Progress::describe).toList();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("csrf", ctx.attribute("csrf"));
        params.put("providers", rows);
        params.put("live", live);
        params.put("message", ctx.queryParam("message"));
        params.put("index", rebuild == null ? null : rebuild.status());
        params.put("indexOutdated", rebuild != null && rebuild.indexOutdated());
        pages.html(ctx, "admin.jte", page.titled(page.t("admin.title")), params);
    }

    private void reindex(Context ctx, PortalPage page) {
        if (rebuild == null) {
            throw new ProblemException(409, "Conflict", "rebuilding the index is not available on this server");
        }
        String message = rebuild.start() ? page.t("admin.reindexStarted") : page.t("admin.reindexRunning");
        ctx.redirect("/admin?message=" + QueryString.enc(message), HttpStatus.SEE_OTHER);
    }

    private void harvest(Context ctx, PortalPage page) {
        if (launcher == null) {
            throw new ProblemException(409, "Conflict", "harvesting is not available on this server");
        }
        String message;
        try {
            message = launcher.start(ctx.pathParam("provider"));
        } catch (IllegalStateException | IllegalArgumentException e) {
            message = e.getMessage();
        }
        ctx.redirect("/admin?message=" + QueryString.enc(message), HttpStatus.SEE_OTHER);
    }

    private void editTheme(Context ctx, PortalPage page) {
        String id = ctx.pathParam("id");
        themeForm(ctx, page, curation.theme(id).orElseThrow(() -> ProblemException.notFound(page.t("error.noTheme", id))), null);
    }

    private void themeForm(Context ctx, PortalPage page, Theme theme, String error) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("csrf", ctx.attribute("csrf"));
        params.put("themes", curation.themes());
        params.put("theme", theme);
        params.put("filters", theme == null ? "" : filtersText(theme.filters()));
        params.put("featured", theme == null ? "" : String.join("\n", theme.featured()));
        params.put("error", error);
        pages.html(ctx, "adminthemes.jte", page.titled(page.t("admin.themes")), params);
    }

    private void saveTheme(Context ctx, PortalPage page) {
        Theme theme;
        try {
            theme = new Theme(ctx.formParam("id"), ctx.formParam("titleJa"), ctx.formParam("titleEn"),
                    ctx.formParam("descriptionJa"), ctx.formParam("descriptionEn"), ctx.formParam("query"),
                    parseFilters(ctx.formParam("filters")), lines(ctx.formParam("featured")));
            ThemeScope.apply(theme, new SearchQuery(new org.kura.search.query.QueryNode.All(), Map.of(), null, null, null, 1, 1,
                    null, false, null)); // the query parses and the filters are facets
        } catch (IllegalArgumentException | IllegalStateException e) {
            ctx.status(400);
            themeForm(ctx, page, null, e.getMessage());
            return;
        }
        curation.save(theme);
        ctx.redirect("/admin/themes/" + theme.id(), HttpStatus.SEE_OTHER);
    }

    private void deleteTheme(Context ctx, PortalPage page) {
        curation.removeTheme(ctx.pathParam("id"));
        ctx.redirect("/admin/themes", HttpStatus.SEE_OTHER);
    }

    private void editGallery(Context ctx, PortalPage page) throws Exception {
        String id = ctx.pathParam("id");
        Gallery g = curation.gallery(id).orElseThrow(() -> ProblemException.notFound(page.t("error.noGallery", id)));
        galleryForm(ctx, page, GalleryForm.of(g), RecordJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(g), null);
    }

    private void galleryForm(Context ctx, PortalPage page, GalleryForm form, String json, String error) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("csrf", ctx.attribute("csrf"));
        params.put("galleries", curation.galleries());
        params.put("form", form == null ? GalleryForm.of(null) : form);
        params.put("json", json == null ? EXAMPLE_GALLERY : json);
        params.put("error", error);
        pages.html(ctx, "admingalleries.jte", page.titled(page.t("admin.galleries")), params);
    }

    /** The structured form, or a JSON document pasted in the import box. */
    private void saveGallery(Context ctx, PortalPage page) {
        String json = ctx.formParam("json");
        Gallery g;
        try {
            g = json != null ? curation.parse(json, Gallery.class) : GalleryForm.toGallery(GalleryForm.from(ctx.formParamMap()));
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            GalleryForm again = null;
            if (json == null) {
                try {
                    again = GalleryForm.of(lenient(ctx));
                } catch (IllegalArgumentException ignored) {
                    // the form cannot even be shown again as a gallery: start from an empty one
                }
            }
            galleryForm(ctx, page, again, json, e.getMessage());
            return;
        }
        curation.save(g);
        ctx.redirect("/admin/galleries/" + g.id(), HttpStatus.SEE_OTHER);
    }

    /** What the staff member typed, as far as it is a gallery, to show the form again with the error. */
    private static Gallery lenient(Context ctx) {
        java.util.function.Function<String, String> f = GalleryForm.from(ctx.formParamMap());
        String id = f.apply("id");
        return GalleryForm.toGallery(name -> switch (name) {
            case "id" -> id == null || id.isBlank() ? "untitled" : id.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
            case "titleJa" -> f.apply("titleJa") == null || f.apply("titleJa").isBlank() ? "?" : f.apply("titleJa");
            default -> name.endsWith(".record") && f.apply(name) != null && !f.apply(name).contains(":") ? "" : f.apply(name);
        });
    }

    private void deleteGallery(Context ctx, PortalPage page) {
        curation.removeGallery(ctx.pathParam("id"));
        ctx.redirect("/admin/galleries", HttpStatus.SEE_OTHER);
    }

    static Map<String, List<String>> parseFilters(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a filter line is facet=value: " + line);
            }
            out.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>()).add(line.substring(eq + 1).strip());
        }
        return out;
    }

    private static String filtersText(Map<String, List<String>> filters) {
        StringBuilder sb = new StringBuilder();
        filters.forEach((k, vs) -> vs.forEach(v -> sb.append(k).append('=').append(v).append('\n')));
        return sb.toString();
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static final String EXAMPLE_GALLERY = """
            {
              "id": "new-gallery",
              "titleJa": "ギャラリーの題",
              "titleEn": "Title of the gallery",
              "introJa": "はじめに",
              "introEn": "Introduction",
              "sections": [
                {"headingJa": "第一章", "headingEn": "Part one", "textJa": "本文", "textEn": "Text",
                 "items": [{"record": "provider:identifier", "captionJa": "キャプション", "captionEn": "Caption"}]}
              ]
            }
            """;
}
