package org.kura.search;

import java.util.Locale;

/**
 * A bounding box to narrow a search to records whose points fall in it, in the order of the API's
 * {@code bbox=minLon,minLat,maxLon,maxLat} (the GeoJSON / OGC order). {@code minLon > maxLon} crosses
 * the antimeridian.
 */
public record GeoBox(double minLon, double minLat, double maxLon, double maxLat) {

    public GeoBox {
        checkLon(minLon);
        checkLon(maxLon);
        checkLat(minLat);
        checkLat(maxLat);
        if (minLat > maxLat) {
            throw new IllegalArgumentException("bbox: minLat " + minLat + " is above maxLat " + maxLat);
        }
    }

    /**
     * The box of {@code minLon,minLat,maxLon,maxLat}.
     *
     * @throws IllegalArgumentException with what is wrong, for a 400 answer
     */
    public static GeoBox parse(String bbox) {
        String[] parts = bbox == null ? new String[0] : bbox.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox must be minLon,minLat,maxLon,maxLat (four numbers)");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox: not a number: " + parts[i].strip());
            }
        }
        return new GeoBox(v[0], v[1], v[2], v[3]);
    }

    /** The Solr filter on the {@code geo} field (numbers only, written here: nothing of the caller's text). */
    String filterQuery() {
        return String.format(Locale.ROOT, "geo:[%s,%s TO %s,%s]", minLat, minLon, maxLat, maxLon);
    }

    /** The parameter form, {@code minLon,minLat,maxLon,maxLat}. */
    @Override
    public String toString() {
        return minLon + "," + minLat + "," + maxLon + "," + maxLat;
    }

    private static void checkLon(double lon) {
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("bbox: longitude " + lon + " is outside -180..180");
        }
    }

    private static void checkLat(double lat) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("bbox: latitude " + lat + " is outside -90..90");
        }
    }
}
