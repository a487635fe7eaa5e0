package org.kura.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kura.search.GeoBox;
import org.kura.search.GeoSearch;
import org.kura.search.SearchException;
import org.kura.search.SearchQuery;
import org.kura.search.SearchResult;
import org.kura.search.Searcher;
import org.kura.search.query.CqlParser;
import org.kura.search.query.KuraQueryParser;
import org.kura.search.query.QueryNode;
import org.kura.search.query.QuerySyntaxException;

/**
 * <pre>
 * GET /api/search     public   ?q= (Kura syntax) or ?cql= (CQL), filters ?provider=&amp;type=&amp;language=&amp;access=
 *                              &amp;reuse=&amp;subject=&amp;ndc=&amp;digital=&amp;fulltext= (repeatable), ?year_from=&amp;year_to=,
 *                              ?sort=relevance|date_asc|date_desc|title, ?page=&amp;size= (≤ 100) or ?cursor=*,
 *                              ?clusters=false, ?facets=provider,type,years (which facets to count; default all),
 *                              ?bbox=minLon,minLat,maxLon,maxLat (records with a point in the box);
 *                              ?geo=points: the points of the results for a map instead ({@link MapPoints}; ?limit= ≤ 2000)
 * GET /api/suggest    public   ?q=prefix : titles and names for autocomplete
 * </pre>
 */
public final class SearchRoutes implements RouteGroup {
    private final Searcher searcher;
    private final GeoSearch geo;

    public SearchRoutes(Searcher searcher, GeoSearch geo) {
        this.searcher = searcher;
        this.geo = geo;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/search", this::search);
        app.get("/api/suggest", ctx -> ctx.json(Map.of("suggestions", searcher.suggest(ctx.queryParam("q"),
                HarvestRoutes.intParam(ctx.queryParam("limit"), 10)))));
    }

    /**
     * The search a request asks for (the same parameters on the API and the portal's results page).
     *
     * @throws ProblemException 400 for a bad query, filter, sort, page or facet
     */
    public static SearchQuery query(Context ctx) {
        QueryNode query;
        String cql = ctx.queryParam("cql");
        try {
            query = cql != null ? new CqlParser().parse(cql) : new KuraQueryParser().parse(ctx.queryParam("q"));
        } catch (QuerySyntaxException e) {
            throw ProblemException.badRequest("invalid query: " + e.getMessage());
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String f : SearchQuery.FACETS.keySet()) {
            List<String> values = ctx.queryParams(f);
            if (!values.isEmpty()) {
                filters.put(f, new ArrayList<>(values));
            }
        }
        SearchQuery.Sort sort;
        try {
            String s = ctx.queryParam("sort");
            sort = s == null || s.isBlank() ? SearchQuery.Sort.RELEVANCE : SearchQuery.Sort.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("sort must be relevance, date_asc, date_desc or title");
        }
        int page = HarvestRoutes.intParam(ctx.queryParam("page"), 1);
        int size = HarvestRoutes.intParam(ctx.queryParam("size"), 20);
        if (page < 1 || (long) (page - 1) * Math.min(size, SearchQuery.MAX_SIZE) > SearchQuery.MAX_START) {
            throw ProblemException.badRequest("page out of range: use ?cursor=* for deep paging");
        }
        Integer yearFrom = ctx.queryParam("year_from") == null ? null : HarvestRoutes.intParam(ctx.queryParam("year_from"), 0);
        Integer yearTo = ctx.queryParam("year_to") == null ? null : HarvestRoutes.intParam(ctx.queryParam("year_to"), 0);
        List<String> facets = null;
        String facetParam = ctx.queryParam("facets");
        if (facetParam != null) {
            facets = java.util.Arrays.stream(facetParam.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
        }
        SearchQuery search;
        try {
            search = new SearchQuery(query, filters, yearFrom, yearTo, sort, page, size, ctx.queryParam("cursor"),
                    !"false".equals(ctx.queryParam("clusters")), facets);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
        return search;
    }

    private void search(Context ctx) {
        SearchQuery search = query(ctx);
        GeoBox area = MapPoints.bbox(ctx);
        String mode = ctx.queryParam("geo");
        if (mode != null) {
            if (!"points".equals(mode)) {
                throw ProblemException.badRequest("geo must be points");
            }
            int limit = MapPoints.limit(ctx);
            MapPoints.send(ctx, geo.points(search, area, limit), limit);
            return;
        }
        SearchResult result;
        try {
            result = searcher.search(search, area);
        } catch (SearchException e) {
            if (ctx.queryParam("cursor") != null) {
                throw ProblemException.badRequest("invalid cursor");
            }
            throw e;
        }
        ctx.header("Link", links(ctx, search, result).entrySet().stream()
                .map(e -> "<" + e.getValue() + ">; rel=\"" + e.getKey() + "\"").collect(java.util.stream.Collectors.joining(", ")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", result.total());
        body.put("hits", result.hits());
        body.put("facets", result.facets());
        body.put("years", result.years());
        body.put("mapped", result.mapped());
        body.put("nextCursor", result.nextCursor());
        body.put("didYouMean", result.didYouMean());
        body.put("queryMillis", result.queryMillis());
        body.put("links", links(ctx, search, result));
        ctx.json(body);
    }

    /** self/first/prev/next/last for pages, self/next for cursors: the same query with another page or cursor. */
    private static Map<String, String> links(Context ctx, SearchQuery q, SearchResult r) {
        Map<String, String> links = new LinkedHashMap<>();
        String self = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        links.put("self", self);
        if (q.cursor() != null) {
            if (r.nextCursor() != null && !r.nextCursor().equals(q.cursor()) && !r.hits().isEmpty()) {
                links.put("next", with(ctx, "cursor", r.nextCursor()));
            }
            return links;
        }
        long lastPage = Math.max(1, Math.min((r.total() + q.size() - 1) / q.size(), SearchQuery.MAX_START / q.size() + 1));
        links.put("first", with(ctx, "page", "1"));
        if (q.page() > 1) {
            links.put("prev", with(ctx, "page", Integer.toString(q.page() - 1)));
        }
        if (q.page() < lastPage) {
            links.put("next", with(ctx, "page", Integer.toString(q.page() + 1)));
        }
        links.put("last", with(ctx, "page", Long.toString(lastPage)));
        return links;
    }

    private static String with(Context ctx, String name, String value) {
        StringBuilder sb = new StringBuilder(ctx.path()).append('?');
        boolean first = true;
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals(name)) {
                continue;
            }
            for (String v : e.getValue()) {
                sb.append(first ? "" : "&").append(enc(e.getKey())).append('=').append(enc(v));
                first = false;
            }
        }
        return sb.append(first ? "" : "&").append(name).append('=').append(enc(value)).toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
