package org.kura.model;

/**
 * Where a record is about or was made: a point, a bounding box, a place name, or any of them together
 * (DataCite / JPCOAR {@code geoLocation}, DCMI Point and Box, ISO 6709). Coordinates are WGS 84 degrees;
 * a value outside the ranges is an {@link IllegalArgumentException}, which crosswalks turn into a warning.
 *
 * @param point a point, or null
 * @param box   a bounding box, or null
 * @param place the place's name as received, or null
 */
public record GeoLocation(Point point, Box box, String place) {

    public GeoLocation {
        place = place == null || place.isBlank() ? null : place.strip();
        if (point == null && box == null && place == null) {
            throw new IllegalArgumentException("a geo location needs a point, a box or a place name");
        }
    }

    public static GeoLocation point(double lat, double lon, String place) {
        return new GeoLocation(new Point(lat, lon), null, place);
    }

    /** True when the location has coordinates (a point or a box), so that it can be put on a map. */
    public boolean hasCoordinates() {
        return point != null || box != null;
    }

    /** The point to show on a map: the point, else the box's centre, else null. */
    public Point center() {
        return point != null ? point : box == null ? null : box.center();
    }

    /**
     * A point in WGS 84 degrees.
     *
     * @param lat latitude, −90..90
     * @param lon longitude, −180..180
     */
    public record Point(double lat, double lon) {
        public Point {
            checkLatitude(lat);
            checkLongitude(lon);
        }
    }

    /**
     * A bounding box (DataCite {@code geoLocationBox}); {@code west > east} crosses the antimeridian.
     */
    public record Box(double west, double south, double east, double north) {
        public Box {
            checkLongitude(west);
            checkLongitude(east);
            checkLatitude(south);
            checkLatitude(north);
            if (south > north) {
                throw new IllegalArgumentException("south latitude " + south + " is north of north latitude " + north);
            }
        }

        /** The centre (across the antimeridian when the box crosses it). */
        public Point center() {
            double lon = west <= east ? (west + east) / 2 : (west + east + 360) / 2;
            return new Point((south + north) / 2, lon > 180 ? lon - 360 : lon);
        }
    }

    static void checkLatitude(double lat) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("latitude " + lat + " is outside −90..90");
        }
    }

    static void checkLongitude(double lon) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("longitude " + lon + " is outside −180..180");
        }
    }
}
