package org.kura.server.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.QuarantineEntry;
import org.kura.catalog.RecordJson;
import org.kura.catalog.StoredRecord;
import org.kura.lod.SchemaOrgMapper;
import org.kura.model.Provider;
import org.kura.search.GeoBox;
import org.kura.search.SearchQuery;
import org.kura.search.SearchResult;
import org.kura.search.Searcher;
import org.kura.search.query.QueryNode;
import org.kura.server.MapPoints;
import org.kura.server.ProblemException;
import org.kura.server.RecordRoutes;
import org.kura.server.RouteGroup;
import org.kura.server.SearchRoutes;

/**
 * The readers' portal, rendered on the server (jte) so that searching works without JavaScript.
 * <pre>
 * GET /                              home: one search box, material types, providers
 * GET /search                        results: the parameters of /api/search; facets, years, sort, pages
 * GET /records/{provider}/{id}       record page (id URL-encoded), the landing page of its items' DOIs;
 *                                    ?cite=bibtex|ris|csl downloads a citation
 * GET /providers                     providers with their record counts
 * GET /providers/{id}                a provider: counts, harvests, quarantined records with reasons
 * GET /lang/{code}?return=/path      switches the interface language (cookie) and goes back
 * GET /viewer?manifest=URL[&page=N&q=W] a IIIF manifest in Mirador (bundled from npm at build time), at page N,
 *                                    with a search inside the item for W (hits highlighted)
 * GET /assets/{file}                 the portal's stylesheet and scripts; /assets/vendor/{file}: Mirador, and the
 *                                    map's Leaflet, marker clusters, topojson-client and Natural Earth base map
 * </pre>
 * Pages answer in the language of {@link Lang#of(Context)}; errors are pages too (400/404/500),
 * never a stack trace.
 */
public final class PortalRoutes implements RouteGroup {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final Map<String, String> ASSETS = Map.of("kura.css", "text/css; charset=utf-8",
            "kura.js", "text/javascript; charset=utf-8", "early.js", "text/javascript; charset=utf-8",
            "viewer.js", "text/javascript; charset=utf-8",
            "iiif-auth.js", "text/javascript; charset=utf-8",
            "vendor/mirador.min.js", "text/javascript; charset=utf-8", "vendor/mirador.min.js.LICENSE.txt",
            "text/plain; charset=utf-8", "map.js", "text/javascript; charset=utf-8");
    /** The map's files (bundled from npm at build time, see src/main/frontend/assets.tsv), loaded only when a map shows. */
    private static final Map<String, String> MAP_ASSETS = Map.ofEntries(
            Map.entry("vendor/leaflet.js", "text/javascript; charset=utf-8"),
            Map.entry("vendor/leaflet.css", "text/css; charset=utf-8"),
            Map.entry("vendor/leaflet.markercluster.js", "text/javascript; charset=utf-8"),
            Map.entry("vendor/MarkerCluster.css", "text/css; charset=utf-8"),
            Map.entry("vendor/MarkerCluster.Default.css", "text/css; charset=utf-8"),
            Map.entry("vendor/topojson-client.min.js", "text/javascript; charset=utf-8"),
            Map.entry("vendor/countries-50m.json", "application/json"),
            Map.entry("vendor/LICENSE-leaflet.txt", "text/plain; charset=utf-8"),
            Map.entry("vendor/LICENSE-leaflet.markercluster.txt", "text/plain; charset=utf-8"),
            Map.entry("vendor/LICENSE-topojson-client.txt", "text/plain; charset=utf-8"),
            Map.entry("vendor/LICENSE-world-atlas.txt", "text/plain; charset=utf-8"));

    private final CatalogStore store;
    private final Searcher searcher;
    private final SchemaOrgMapper schemaOrg;
    private final Pages pages;

    private final Curation curation;

    private final ItemAccess itemAccess;

    public PortalRoutes(Pages pages, CatalogStore store, Searcher searcher, SchemaOrgMapper schemaOrg,
                        Curation curation, ItemAccess itemAccess) {
        this.itemAccess = itemAccess;
        this.pages = pages;
        this.curation = curation;
        this.store = store;
        this.searcher = searcher;
        this.schemaOrg = schemaOrg;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/", ctx -> pages.serve(ctx, this::home));
        app.get("/search", ctx -> pages.serve(ctx, this::search));
        app.get("/records/{provider}/<id>", ctx -> pages.serve(ctx, this::record));
        app.get("/providers", ctx -> pages.serve(ctx, this::providers));
        app.get("/providers/{id}", ctx -> pages.serve(ctx, this::provider));
        app.get("/lang/{code}", this::switchLanguage);
        app.get("/viewer", ctx -> pages.serve(ctx, this::viewer));
        app.get("/assets/{file}", ctx -> asset(ctx, ctx.pathParam("file")));
        app.get("/assets/vendor/{file}", ctx -> asset(ctx, "vendor/" + ctx.pathParam("file")));
    }

    /** The URL of a record's page. */
    public static String recordUrl(String providerId, String identifier) {
        return "/records/" + providerId + "/" + RecordRoutes.encode(identifier);
    }

    // ---- pages -----------------------------------------------------------------------------

    private void home(Context ctx, PortalPage page) {
        SearchResult all = searcher.search(new SearchQuery(new QueryNode.All(), Map.of(), null, null, SearchQuery.Sort.RELEVANCE,
                1, 1, null, false, List.of("type")));
        List<HomeView.TypeLine> types = all.facets().getOrDefault("type", List.of()).stream()
                .map(v -> new HomeView.TypeLine(page.label("type", v.value()), v.count(), "/search?type=" + QueryString.enc(v.value())))
                .toList();
        pages.html(ctx, "home.jte", page.titled(page.t("home.title")), Map.of("view",
                new HomeView(all.total(), providerLines(page), types, curation.themes(), curation.galleries())));
    }

    private List<HomeView.ProviderLine> providerLines(PortalPage page) {
        List<HomeView.ProviderLine> out = new ArrayList<>();
        for (Provider p : store.providers()) {
            out.add(new HomeView.ProviderLine(p.id(), name(p, page.lang()), page.t("kind." + p.kind().name()),
                    store.countRecords(p.id(), false), "/providers/" + p.id()));
        }
        return out;
    }

    static String name(Provider p, Lang lang) {
        return lang == Lang.EN && p.nameEn() != null && !p.nameEn().isBlank() ? p.nameEn() : p.nameJa();
    }

    /** Every provider's name in the page's language, by id: read once per page, not once per hit. */
    static Map<String, String> providerNames(CatalogStore store, Lang lang) {
        Map<String, String> names = new HashMap<>();
        store.providers().forEach(p -> names.put(p.id(), name(p, lang)));
        return names;
    }

    private void search(Context ctx, PortalPage page) {
        QueryString qs = QueryString.of(ctx.queryParamMap()).without("lang");
        Map<String, String> names = providerNames(store, page.lang());
        String q = ctx.queryParam("q");
        PortalPage titled = page.titled(q == null || q.isBlank() ? page.t("search.results") : page.t("search.titleFor", q));
        SearchQuery query;
        try {
            query = SearchRoutes.query(ctx);
        } catch (ProblemException e) {
            ctx.status(400);
            pages.html(ctx, "search.jte", titled, Map.of("view", new SearchView(titled, null, null, qs, names, e.getMessage())));
            return;
        }
        String themeId = ctx.queryParam("theme");
        Theme theme = null;
        if (themeId != null && !themeId.isBlank()) {
            theme = curation.theme(themeId).orElseThrow(() -> ProblemException.notFound(page.t("error.noTheme", themeId)));
            query = ThemeScope.apply(theme, query);
        }
        GeoBox area = MapPoints.bbox(ctx);
        SearchResult result = searcher.search(query, area);
        SearchView view = new SearchView(titled, query, result, qs, names, null)
                .inTheme(theme == null ? null : theme.title(page.lang()));
        pages.html(ctx, "search.jte", titled, Map.of("view", view, "map", MapView.ofSearch(qs, result.mapped(), true)));
    }

    private void record(Context ctx, PortalPage page) throws JsonProcessingException {
        String provider = ctx.pathParam("provider");
        String id = RecordRoutes.decode(ctx.pathParam("id"));
        StoredRecord stored = store.record(provider, id)
                .orElseThrow(() -> ProblemException.notFound(page.t("error.noRecord", id)));
        if (stored.deleted() || stored.normalized() == null) {
            throw new ProblemException(410, "Gone", page.t("error.deleted", id));
        }
        Provider p = store.provider(provider).orElse(null);
        String permalink = ctx.scheme() + "://" + ctx.host() + recordUrl(provider, id);
        String cite = ctx.queryParam("cite");
        if (cite != null) {
            String[] format = Citations.format(cite);
            if (format == null) {
                throw ProblemException.badRequest(page.t("error.cite"));
            }
            String body = switch (format[1]) {
                case "bib" -> Citations.bibtex(stored.normalized(), provider + ":" + id, permalink);
                case "ris" -> Citations.ris(stored.normalized(), permalink);
                default -> Citations.cslJson(stored.normalized(), provider + ":" + id, permalink);
            };
            ctx.header("Content-Disposition", "attachment; filename=\"kura-record." + format[1] + "\"");
            ctx.contentType(format[0]).result(body);
            return;
        }
        Map<String, String> names = providerNames(store, page.lang());
        List<CuratedRoutes.Card> others = searcher.clusterOf(provider, id, 20).stream()
                .map(o -> new CuratedRoutes.Card(o.title(), recordUrl(o.provider(), o.recordId()), null, null, null,
                        names.getOrDefault(o.provider(), o.provider()), null)).toList();
        List<org.kura.catalog.ItemEntry> items = store.itemsOfRecord(provider, id);
        RecordView view = new RecordView(page, stored, p, items, item -> itemAccess.mayOpen(ctx, item.tier()));
        List<DoiLink> dois = dois(items);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("view", view);
        params.put("others", others);
        params.put("map", view.map());
        params.put("dois", dois);
        params.put("jsonLd", jsonLd(stored, dois));
        params.put("bibtex", Citations.bibtex(stored.normalized(), provider + ":" + id, permalink));
        pages.html(ctx, "record.jte", page.titled(view.title()), params);
    }

    /** A DOI of one of the record's items, as the page shows it; {@code draft} when it is not registered yet. */
    public record DoiLink(String doi, String url, boolean draft) {
    }

    /**
     * The DOIs of the record's digitized items, except those of WITHHELD items: their existence is staff-only (the
     * page shows such an item as restricted, and a DOI made from the item id would name it).
     */
    private List<DoiLink> dois(List<org.kura.catalog.ItemEntry> items) {
        List<DoiLink> out = new ArrayList<>();
        for (org.kura.catalog.ItemEntry item : items) {
            if (item.tier() == org.kura.model.AccessTier.WITHHELD) {
                continue;
            }
            store.doiOfItem(item.id()).ifPresent(d -> out.add(new DoiLink(d.doi(), d.url(),
                    d.state() == org.kura.catalog.DoiEntry.State.DRAFT)));
        }
        return out;
    }

    /**
     * schema.org JSON-LD for the page's head, with the registered DOIs of the record's items as identifiers (a DRAFT
     * DOI does not resolve at doi.org yet, so machines are not told of it); {@code <} escaped so that no value can
     * close the script element.
     */
    private String jsonLd(StoredRecord stored, List<DoiLink> dois) throws JsonProcessingException {
        Map<String, Object> doc = schemaOrg.toMap(stored.normalized());
        List<Object> ids = new ArrayList<>();
        if (doc.get("identifier") instanceof List<?> given) {
            ids.addAll(given);
        }
        for (DoiLink d : dois) {
            if (!d.draft()) {
                Map<String, Object> id = new LinkedHashMap<>();
                id.put("@type", "PropertyValue");
                id.put("propertyID", "DOI");
                id.put("value", d.doi());
                id.put("url", d.url());
                ids.add(id);
            }
        }
        if (!ids.isEmpty()) {
            doc.put("identifier", ids);
        }
        String json = RecordJson.mapper().writeValueAsString(doc);
        return "<script type=\"application/ld+json\">" + json.replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026") + "</script>";
    }

    private void providers(Context ctx, PortalPage page) {
        pages.html(ctx, "providers.jte", page.titled(page.t("nav.providers")), Map.of("view",
                new HomeView(0, providerLines(page), List.of(), List.of(), List.of())));
    }

    private void provider(Context ctx, PortalPage page) {
        String id = ctx.pathParam("id");
        Provider p = store.provider(id).orElseThrow(() -> ProblemException.notFound(page.t("error.noProvider", id)));
        List<ProviderView.RunLine> runs = new ArrayList<>();
        for (HarvestRun r : store.runs(id, 10)) {
            runs.add(new ProviderView.RunLine(r.id(), WHEN.format(r.startedAt()), r.state().name(),
                    page.t("run.countsText", r.harvested(), r.stored(), r.unchanged(), r.deleted(), r.quarantined())));
        }
        List<ProviderView.QuarantineLine> quarantine = new ArrayList<>();
        for (QuarantineEntry q : store.quarantine(id, 0, 50)) {
            quarantine.add(new ProviderView.QuarantineLine(q.identifier() == null ? "—" : q.identifier(), q.stage().name(),
                    q.reason()));
        }
        Lang lang = page.lang();
        String other = lang == Lang.EN ? p.nameJa() : p.nameEn();
        ProviderView view = new ProviderView(name(p, lang), other, page.t("kind." + p.kind().name()), p.isil(),
                store.countRecords(id, false), store.countQuarantine(id), page.label("reuse", p.defaultRights().name()),
                page.label("reuse", p.metadataLicence().name()), p.oaiEndpoint(), p.metadataPrefix(),
                "/search?provider=" + QueryString.enc(id), runs, quarantine);
        pages.html(ctx, "provider.jte", page.titled(view.name()), Map.of("view", view));
    }

    private void switchLanguage(Context ctx) {
        Lang lang = Lang.of(ctx.pathParam("code"));
        if (lang == null) {
            throw ProblemException.notFound("no interface language " + ctx.pathParam("code"));
        }
        Cookie cookie = new Cookie(Lang.COOKIE, lang.code());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSameSite(io.javalin.http.SameSite.LAX);
        ctx.cookie(cookie);
        ctx.redirect(safeReturn(ctx.queryParam("return")), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** Only a path on this site: no scheme, no {@code //host}, no backslash tricks (no open redirect). */
    static String safeReturn(String target) {
        if (target == null || !target.startsWith("/") || target.startsWith("//") || target.contains("\\")
                || target.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        StringBuilder ascii = new StringBuilder(); // a Location header carries ASCII: percent-encode the rest
        for (byte b : target.getBytes(StandardCharsets.UTF_8)) {
            if (b < 0 || b == ' ') {
                ascii.append(String.format("%%%02X", b & 0xff));
            } else {
                ascii.append((char) b);
            }
        }
        return ascii.toString();
    }

    private void viewer(Context ctx, PortalPage page) {
        String manifest = ctx.queryParam("manifest");
        if (manifest == null || SafeUrls.externalOrSameSite(manifest) == null) {
            throw ProblemException.badRequest(page.t("viewer.badManifest"));
        }
        boolean bundled = PortalRoutes.class.getResource("/portal/vendor/mirador.min.js") != null;
        // open at a page (a canvas of a Kura manifest) and run a search inside the item, so that its hits are highlighted
        String pageParam = ctx.queryParam("page");
        String canvasPage = pageParam != null && pageParam.matches("[1-9][0-9]{0,5}") ? pageParam : "";
        String q = ctx.queryParam("q");
        String search = q == null ? "" : q.strip().substring(0, Math.min(200, q.strip().length()));
        pages.html(ctx, "viewer.jte", page.titled(page.t("viewer.title")), Map.of("manifest", manifest, "bundled", bundled,
                "canvasPage", canvasPage, "search", search));
    }

    private void asset(Context ctx, String file) throws IOException {
        String type = ASSETS.getOrDefault(file, MAP_ASSETS.get(file));
        if (type == null) {
            throw ProblemException.notFound("no asset " + file);
        }
        String resource = file.startsWith("vendor/") ? "/portal/" + file : "/portal/assets/" + file;
        try (InputStream in = PortalRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw ProblemException.notFound("no asset " + file);
            }
            ctx.header("Cache-Control", "public, max-age=3600");
            ctx.contentType(type).result(in.readAllBytes());
        }
    }
}
