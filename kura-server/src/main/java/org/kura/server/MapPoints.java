package org.kura.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.search.GeoBox;
import org.kura.search.GeoPoints;
import org.kura.search.GeoSearch;

/**
 * The map points document of {@code /api/search?geo=points} and the portal's {@code /search/points}:
 * {@code {"total", "shown", "limit", "points": [{"id", "recordId", "provider", "title", "lat", "lon", "url"}]}}.
 * Titles are data: {@code < > & '} are written as {@code \}{@code u00XX} escapes, so that the document stays
 * inert even if something puts it into HTML (the portal's map sets titles as text, never as markup).
 */
public final class MapPoints {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private MapPoints() {
    }

    /** {@code bbox} of the request, or null when absent; a bad box is a 400 with the reason. */
    public static GeoBox bbox(Context ctx) {
        String bbox = ctx.queryParam("bbox");
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        try {
            return GeoBox.parse(bbox);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    /** {@code limit} of the request: 0..{@link GeoSearch#MAX_POINTS}, default the maximum; else 400. */
    public static int limit(Context ctx) {
        int limit = HarvestRoutes.intParam(ctx.queryParam("limit"), GeoSearch.MAX_POINTS);
        if (limit < 0 || limit > GeoSearch.MAX_POINTS) {
            throw ProblemException.badRequest("limit must be 0.." + GeoSearch.MAX_POINTS);
        }
        return limit;
    }

    /** Answers with the points document. */
    public static void send(Context ctx, GeoPoints points, int limit) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(write(points, limit));
    }

    public static String write(GeoPoints points, int limit) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (GeoPoints.Point p : points.points()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("recordId", p.recordId());
            m.put("provider", p.provider());
            m.put("title", p.title() == null ? "" : p.title());
            m.put("lat", p.lat());
            m.put("lon", p.lon());
            m.put("url", org.kura.server.portal.PortalRoutes.recordUrl(p.provider(), p.recordId()));
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("total", points.total());
        doc.put("shown", points.shown());
        doc.put("limit", limit);
        doc.put("points", list);
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write map points", e);
        }
    }

    /** JSON's own escapes plus {@code < > & '} as unicode escapes. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            for (char c : new char[] {'<', '>', '&', '\''}) {
                escapes[c] = CharacterEscapes.ESCAPE_STANDARD;
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
