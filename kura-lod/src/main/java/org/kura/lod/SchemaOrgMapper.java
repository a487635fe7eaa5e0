package org.kura.lod;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.model.Agent;
import org.kura.model.GeoLocation;
import org.kura.model.Identifier;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Subject;
import org.kura.model.Title;
import org.kura.model.TitleType;

/**
 * A record as schema.org JSON-LD, for embedding in web pages ({@code <script type="application/ld+json">})
 * so that search engines and reference managers understand them. The output is safe to embed:
 * {@code <} is escaped, so no title can close the script element.
 */
public final class SchemaOrgMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final UriScheme uris;

    public SchemaOrgMapper(UriScheme uris) {
        this.uris = uris;
    }

    public Map<String, Object> toMap(Record r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", "https://schema.org");
        m.put("@type", type(r));
        m.put("@id", uris.record(r.providerId(), r.id()));
        m.put("name", r.mainTitle());
        List<String> alternates = r.titles().stream().filter(t -> t.type() != TitleType.MAIN).map(Title::value).toList();
        if (!alternates.isEmpty()) {
            m.put("alternateName", alternates);
        }
        List<Map<String, Object>> authors = new ArrayList<>();
        for (Agent a : r.agents()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("@type", "Person");
            p.put("name", a.name());
            if (a.reading() != null) {
                p.put("alternateName", a.reading());
            }
            authors.add(p);
        }
        if (!authors.isEmpty()) {
            m.put("author", authors);
        }
        if (!r.publishers().isEmpty()) {
            m.put("publisher", r.publishers().stream().map(a -> Map.of("@type", "Organization", "name", a.name())).toList());
        }
        if (r.issued() != null && r.issued().start() != null) {
            m.put("datePublished", DcNdlMapper.w3cdtf(r.issued()));
        }
        List<Map<String, Object>> ids = new ArrayList<>();
        for (Identifier id : r.identifiers()) {
            switch (id.type()) {
                case ISBN -> m.put("isbn", id.value());
                case ISSN -> m.put("issn", id.value());
                default -> { }
            }
            ids.add(Map.of("@type", "PropertyValue", "propertyID", id.type().name(), "value", id.value()));
        }
        if (!ids.isEmpty()) {
            m.put("identifier", ids);
        }
        if (!r.languages().isEmpty()) {
            m.put("inLanguage", r.languages());
        }
        List<String> about = r.subjects().stream().map(Subject::value).toList();
        if (!about.isEmpty()) {
            m.put("about", about);
        }
        if (!r.descriptions().isEmpty()) {
            m.put("description", String.join("\n", r.descriptions()));
        }
        ReuseCondition rc = r.rights().condition();
        if (rc != ReuseCondition.UNKNOWN && rc.uri() != null) {
            m.put("license", rc.uri());
        }
        List<Map<String, Object>> places = r.geoLocations().stream().map(SchemaOrgMapper::place).toList();
        if (!places.isEmpty()) {
            m.put("spatialCoverage", places);
        }
        List<String> sameAs = r.links().stream().filter(l -> l.kind() == LinkKind.LANDING_PAGE).map(Link::url).toList();
        if (!sameAs.isEmpty()) {
            m.put("sameAs", sameAs);
        }
        return m;
    }

    /** A geo location as a schema.org Place: its name, GeoCoordinates for a point, GeoShape's box for a box. */
    private static Map<String, Object> place(GeoLocation g) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("@type", "Place");
        if (g.place() != null) {
            p.put("name", g.place());
        }
        if (g.point() != null) {
            p.put("geo", Map.of("@type", "GeoCoordinates", "latitude", g.point().lat(), "longitude", g.point().lon()));
        } else if (g.box() != null) {
            GeoLocation.Box b = g.box();
            p.put("geo", Map.of("@type", "GeoShape", "box", b.south() + "," + b.west() + " " + b.north() + "," + b.east()));
        }
        return p;
    }

    /** The JSON-LD text, with {@code <}, {@code >} and {@code &} escaped so it can sit inside a script element. */
    public String toScript(Record r) {
        try {
            return JSON.writeValueAsString(toMap(r)).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String type(Record r) {
        return switch (r.materialType()) {
            case BOOK -> "Book";
            case SERIAL -> "Periodical";
            case ARTICLE -> "ScholarlyArticle";
            case THESIS -> "Thesis";
            case REPORT -> "Report";
            case IMAGE -> "Photograph";
            case ART_OBJECT -> "VisualArtwork";
            case ARCHIVAL_DOCUMENT -> "ArchiveComponent";
            case MAP -> "Map";
            case MUSIC_SCORE -> "SheetMusic";
            case AUDIO -> "AudioObject";
            case VIDEO -> "VideoObject";
            case WEBSITE -> "WebSite";
            case DATASET -> "Dataset";
            case SOFTWARE -> "SoftwareApplication";
            default -> "CreativeWork";
        };
    }
}
