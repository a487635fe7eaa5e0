package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.search.SearchQuery;
import org.kura.search.Searcher;
import org.kura.search.query.QueryNode;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * Collections for machines: the theme portals staff define, each a query and filters over the catalog.
 * <pre>
 * GET /api/collections         every collection with its size and links
 * GET /api/collections/{id}    one collection: definition, size, featured records, links to search it
 * </pre>
 */
public final class CollectionRoutes implements RouteGroup {
    private final Curation curation;
    private final Searcher searcher;

    public CollectionRoutes(Curation curation, Searcher searcher) {
        this.curation = curation;
        this.searcher = searcher;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/collections", this::list);
        app.get("/api/collections/{id}", this::one);
    }

    private void list(Context ctx) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Theme t : curation.themes()) {
            out.add(view(t, false));
        }
        ctx.json(Map.of("collections", out));
    }

    private void one(Context ctx) {
        String id = ctx.pathParam("id");
        Theme t = curation.theme(id).orElseThrow(() -> ProblemException.notFound("no collection " + id));
        ctx.json(view(t, true));
    }

    private Map<String, Object> view(Theme t, boolean full) {
        long size = searcher.search(ThemeScope.apply(t, new SearchQuery(new QueryNode.All(), Map.of(), null, null,
                SearchQuery.Sort.RELEVANCE, 1, 1, null, false, List.of()))).total();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("title", Map.of("ja", t.titleJa(), "en", t.titleEn() == null ? "" : t.titleEn()));
        m.put("description", Map.of("ja", t.descriptionJa() == null ? "" : t.descriptionJa(),
                "en", t.descriptionEn() == null ? "" : t.descriptionEn()));
        m.put("records", size);
        if (full) {
            m.put("query", t.query());
            m.put("filters", t.filters());
            m.put("featured", t.featured());
        }
        m.put("links", Map.of("self", "/api/collections/" + t.id(), "page", "/themes/" + t.id(),
                "search", "/search?theme=" + t.id()));
        return m;
    }
}
