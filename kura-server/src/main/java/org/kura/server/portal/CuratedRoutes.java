package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.StoredRecord;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.search.SearchQuery;
import org.kura.search.SearchResult;
import org.kura.search.Searcher;
import org.kura.search.query.QueryNode;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * Pages that staff curate.
 * <pre>
 * GET /themes            theme portals
 * GET /themes/{id}       a theme: description, search scoped to it (/search?theme=id), featured records,
 *                        a timeline of its records by year, its decade histogram, and a map of those
 *                        that have coordinates (points from /search/points?theme=id)
 * GET /galleries         galleries
 * GET /galleries/{id}    a gallery: sections of text with chosen records and captions
 * </pre>
 */
public final class CuratedRoutes implements RouteGroup {
    /** Records shown on a theme's timeline (the earliest first); the rest are a search away. */
    static final int TIMELINE_RECORDS = 100;

    /** A record as a card on a theme or gallery page. */
    public record Card(String title, String url, String thumbnail, String date, String creators, String provider,
                       String caption) {
    }

    /** One year of a theme's timeline. */
    public record Year(String year, List<Card> cards) {
    }

    private final Pages pages;
    private final CatalogStore store;
    private final Searcher searcher;
    private final Curation curation;

    public CuratedRoutes(Pages pages, CatalogStore store, Searcher searcher, Curation curation) {
        this.pages = pages;
        this.store = store;
        this.searcher = searcher;
        this.curation = curation;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/themes", ctx -> pages.serve(ctx, this::themes));
        app.get("/themes/{id}", ctx -> pages.serve(ctx, this::theme));
        app.get("/galleries", ctx -> pages.serve(ctx, this::galleries));
        app.get("/galleries/{id}", ctx -> pages.serve(ctx, this::gallery));
    }

    private void themes(Context ctx, PortalPage page) {
        pages.html(ctx, "themes.jte", page.titled(page.t("nav.themes")), Map.of("themes", curation.themes()));
    }

    private void theme(Context ctx, PortalPage page) {
        String id = ctx.pathParam("id");
        Theme theme = curation.theme(id).orElseThrow(() -> ProblemException.notFound(page.t("error.noTheme", id)));
        SearchQuery all = ThemeScope.apply(theme, new SearchQuery(new QueryNode.All(), Map.of(), null, null,
                SearchQuery.Sort.DATE_ASC, 1, TIMELINE_RECORDS, null, true, List.of(SearchQuery.YEARS)));
        SearchResult result = searcher.search(all);
        Map<String, String> names = PortalRoutes.providerNames(store, page.lang());
        Map<String, List<Card>> byYear = new LinkedHashMap<>();
        for (SearchResult.Hit h : result.hits()) {
            String year = h.year() == null ? page.t("timeline.undated") : h.year().toString();
            byYear.computeIfAbsent(year, k -> new ArrayList<>()).add(new Card(h.title(), PortalRoutes.recordUrl(h.provider(),
                    h.recordId()), SafeUrls.externalOrSameSite(h.thumbnail()), h.date(), String.join(" / ", h.creators()),
                    names.getOrDefault(h.provider(), h.provider()), null));
        }
        List<Year> timeline = byYear.entrySet().stream().map(e -> new Year(e.getKey(), e.getValue())).toList();
        List<Card> featured = theme.featured().stream().map(ref -> card(ref, null, page, names)).flatMap(Optional::stream).toList();
        List<SearchView.YearBar> decades = new ArrayList<>();
        long max = result.years().stream().mapToLong(SearchResult.FacetValue::count).max().orElse(1);
        for (SearchResult.FacetValue v : result.years()) {
            int start = Integer.parseInt(v.value());
            decades.add(new SearchView.YearBar(start + "s", v.count(), (int) Math.max(4, v.count() * 100 / Math.max(1, max)),
                    "/search?theme=" + id + "&year_from=" + start + "&year_to=" + (start + 9)));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("theme", theme);
        params.put("total", result.total());
        params.put("featured", featured);
        params.put("timeline", timeline);
        params.put("decades", decades);
        params.put("more", result.total() > result.hits().size());
        params.put("map", MapView.ofSearch(QueryString.of(Map.of("theme", List.of(id))), result.mapped(), false));
        pages.html(ctx, "theme.jte", page.titled(theme.title(page.lang())), params);
    }

    private void galleries(Context ctx, PortalPage page) {
        pages.html(ctx, "galleries.jte", page.titled(page.t("nav.galleries")), Map.of("galleries", curation.galleries()));
    }

    private void gallery(Context ctx, PortalPage page) {
        String id = ctx.pathParam("id");
        Gallery g = curation.gallery(id).orElseThrow(() -> ProblemException.notFound(page.t("error.noGallery", id)));
        Map<String, String> names = PortalRoutes.providerNames(store, page.lang());
        List<List<Card>> cards = new ArrayList<>();
        for (Gallery.Section s : g.sections()) {
            cards.add(s.items().stream().map(i -> card(i.record(), i.caption(page.lang()), page, names))
                    .flatMap(Optional::stream).toList());
        }
        pages.html(ctx, "gallery.jte", page.titled(g.title(page.lang())), Map.of("gallery", g, "cards", cards));
    }

    /** A card for {@code provider:identifier}; empty when the record is gone (a gallery outlives its records). */
    private Optional<Card> card(String ref, String caption, PortalPage page, Map<String, String> names) {
        int colon = ref == null ? -1 : ref.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String provider = ref.substring(0, colon);
        String identifier = ref.substring(colon + 1);
        Optional<StoredRecord> r = store.record(provider, identifier).filter(x -> !x.deleted() && x.normalized() != null);
        return r.map(x -> new Card(x.normalized().mainTitle().isBlank() ? page.t("untitled") : x.normalized().mainTitle(),
                PortalRoutes.recordUrl(provider, identifier),
                x.normalized().links().stream().filter(l -> l.kind() == LinkKind.THUMBNAIL).map(Link::url)
                        .map(SafeUrls::externalOrSameSite).filter(u -> u != null).findFirst().orElse(null),
                x.normalized().issued() == null ? null : x.normalized().issued().original(),
                String.join(" / ", x.normalized().agents().stream().map(a -> a.name()).toList()),
                names.getOrDefault(provider, provider), caption));
    }
}
