package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.kura.search.GeoBox;
import org.kura.search.GeoSearch;
import org.kura.search.SearchQuery;
import org.kura.server.MapPoints;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.SearchRoutes;

/**
 * What the portal's maps draw.
 * <pre>
 * GET /search/points   the points of a results page's records (the parameters of /search, ?theme= included,
 *                      ?bbox=, ?limit= ≤ 2000): the document of /api/search?geo=points
 * </pre>
 * The map script asks for it only when a map is shown; a bad parameter is a 400 problem.
 */
public final class MapRoutes implements RouteGroup {
    private final GeoSearch geo;
    private final Curation curation;

    public MapRoutes(GeoSearch geo, Curation curation) {
        this.geo = geo;
        this.curation = curation;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/search/points", this::points);
    }

    private void points(Context ctx) {
        SearchQuery query = scoped(ctx, curation, SearchRoutes.query(ctx));
        GeoBox area = MapPoints.bbox(ctx);
        int limit = MapPoints.limit(ctx);
        MapPoints.send(ctx, geo.points(query, area, limit), limit);
    }

    /** The query narrowed to the request's {@code theme}, if it names one (404 when the theme does not exist). */
    static SearchQuery scoped(Context ctx, Curation curation, SearchQuery query) {
        String themeId = ctx.queryParam("theme");
        if (themeId == null || themeId.isBlank()) {
            return query;
        }
        Theme theme = curation.theme(themeId).orElseThrow(() -> ProblemException.notFound("no theme " + themeId));
        return ThemeScope.apply(theme, query);
    }
}
