package org.kura.search;

import java.util.List;

/**
 * The points of a search's records for a map: at most a capped number of records, with the true number
 * of records that have coordinates so that a map can say "showing 2,000 of 5,321".
 *
 * @param total  records of the search that have coordinates
 * @param shown  records whose points are in {@code points} (≤ total)
 * @param points one entry per point (a record with several locations has several)
 */
public record GeoPoints(long total, int shown, List<Point> points) {

    public GeoPoints {
        points = List.copyOf(points);
    }

    /** One point of one record; {@code id} is the document id (provider|identifier). */
    public record Point(String id, String recordId, String provider, String title, double lat, double lon) {
    }
}
