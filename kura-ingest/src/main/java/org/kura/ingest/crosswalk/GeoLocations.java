package org.kura.ingest.crosswalk;

import static org.kura.ingest.crosswalk.XmlDocuments.children;
import static org.kura.ingest.crosswalk.XmlDocuments.text;

import java.util.Optional;
import org.kura.model.CoordinateParser;
import org.kura.model.GeoLocation;
import org.kura.model.Record;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.w3c.dom.Element;

/**
 * Geo locations for the crosswalks: DataCite's {@code geoLocation} element as JPCOAR uses it
 * (https://schema.datacite.org/meta/kernel-4/doc/DataCite-MetadataKernel_v4.4.pdf §18) and the text of
 * {@code dcterms:spatial} / {@code dc:coverage} when it holds coordinates ({@link CoordinateParser}); a place name
 * in {@code dcterms:spatial} becomes a location by name.
 * A value out of range is dropped with a warning on the record; the record itself is kept.
 */
final class GeoLocations {
    private GeoLocations() {
    }

    /** {@code geoLocationPoint}, {@code geoLocationBox} and {@code geoLocationPlace} of one {@code geoLocation}. */
    static void dataCite(Element geoLocation, Record.Builder b) {
        GeoLocation.Point point = null;
        GeoLocation.Box box = null;
        String place = null;
        for (Element c : children(geoLocation)) {
            try {
                switch (c.getLocalName()) {
                    case "geoLocationPoint" -> point = new GeoLocation.Point(number(c, "pointLatitude"), number(c, "pointLongitude"));
                    case "geoLocationBox" -> box = new GeoLocation.Box(number(c, "westBoundLongitude"),
                            number(c, "southBoundLatitude"), number(c, "eastBoundLongitude"), number(c, "northBoundLatitude"));
                    case "geoLocationPlace" -> place = place == null ? text(c) : place;
                    default -> {
                    }
                }
            } catch (IllegalArgumentException e) {
                b.warning("geo location dropped: " + c.getLocalName() + " " + e.getMessage());
            }
        }
        if (point != null || box != null || place != null) {
            b.geoLocation(new GeoLocation(point, box, place));
        }
    }

    /**
     * Coordinates in a text element, added to the record; true when the text was coordinates (kept or
     * dropped with a warning), false when it is something else (a place name) for the caller to keep.
     */
    static boolean fromText(String text, String element, Record.Builder b) {
        try {
            Optional<GeoLocation> g = CoordinateParser.parse(text);
            g.ifPresent(b::geoLocation);
            return g.isPresent();
        } catch (IllegalArgumentException e) {
            b.warning("geo location dropped: " + element + " \"" + text + "\": " + e.getMessage());
            return true;
        }
    }

    /**
     * {@code dcterms:spatial}: coordinates as a located place, any other text as a place by name (kept, searchable and
     * listed on the record, but not on a map).
     */
    static void spatial(String text, Record.Builder b) {
        if (!fromText(text, "dcterms:spatial", b) && !text.isBlank()) {
            b.geoLocation(new GeoLocation(null, null, text));
        }
    }

    /** {@code dc:coverage}: coordinates as a located place, any other text (a period, a place) as a keyword. */
    static void coverage(String text, Record.Builder b) {
        if (!fromText(text, "dc:coverage", b)) {
            b.subject(new Subject(text, SubjectScheme.KEYWORD, null));
        }
    }

    private static double number(Element parent, String local) {
        for (Element c : children(parent)) {
            if (local.equals(c.getLocalName()) && text(c) != null) {
                try {
                    return Double.parseDouble(text(c).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(local + " is not a number: " + text(c));
                }
            }
        }
        throw new IllegalArgumentException("without " + local);
    }
}
