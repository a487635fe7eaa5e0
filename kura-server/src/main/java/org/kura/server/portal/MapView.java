package org.kura.server.portal;

import java.util.List;
import java.util.Locale;
import org.kura.model.GeoLocation;

/**
 * A map on a page (template {@code map.jte}): where its points come from, how many records have
 * coordinates, and whether it waits behind the results page's "地図 / Map" toggle. The map script and
 * its base map are loaded only when the map is shown; the list of mapped records beside it is the
 * map's text alternative.
 *
 * @param pointsUrl  {@code /search/points?…} for a search's records, or null when the points are {@code places}
 * @param total      records with coordinates
 * @param hidden     true when the map waits for the toggle
 * @param places     the record page's own locations (drawn from the page, no request), else empty
 */
public record MapView(String pointsUrl, long total, boolean hidden, List<Place> places) {

    public MapView {
        places = places == null ? List.of() : List.copyOf(places);
    }

    /** A map of a search's records. */
    public static MapView ofSearch(QueryString qs, long total, boolean hidden) {
        QueryString points = qs.without("page").without("size").without("sort").without("cursor").without("lang")
                .without("facets");
        return new MapView(points.url("/search/points"), total, hidden, List.of());
    }

    /** A map of one record's locations with coordinates. */
    public static MapView ofRecord(List<GeoLocation> locations) {
        List<Place> places = locations.stream().filter(GeoLocation::hasCoordinates).map(Place::of).toList();
        return new MapView(null, places.isEmpty() ? 0 : 1, false, places);
    }

    /**
     * One location as the record page lists it.
     *
     * @param name        the place name, or null
     * @param coordinates the coordinates as text ({@code 35.6895°N 139.6917°E}; a box as its corners)
     * @param lat         the point to draw (a box's centre)
     * @param lon         the point to draw
     */
    public record Place(String name, String coordinates, String lat, String lon) {
        static Place of(GeoLocation g) {
            GeoLocation.Point c = g.center();
            String text = g.point() != null ? degrees(g.point().lat(), g.point().lon())
                    : degrees(g.box().north(), g.box().west()) + " – " + degrees(g.box().south(), g.box().east());
            return new Place(g.place(), text, number(c.lat()), number(c.lon()));
        }

        private static String degrees(double lat, double lon) {
            return String.format(Locale.ROOT, "%.4f°%s %.4f°%s", Math.abs(lat), lat < 0 ? "S" : "N", Math.abs(lon),
                    lon < 0 ? "W" : "E");
        }

        private static String number(double v) {
            return String.format(Locale.ROOT, "%.6f", v);
        }
    }
}
