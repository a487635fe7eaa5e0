package org.kura.search;

import java.text.Normalizer;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.solr.common.SolrInputDocument;
import org.kura.model.Agent;
import org.kura.model.DateValue;
import org.kura.model.GeoLocation;
import org.kura.model.Identifier;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.Record;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;

/**
 * A record of the common model as a Solr document. One document per (provider, record); the
 * {@code cluster_key} groups records of different providers that describe the same manifestation:
 * the same ISBN, ISSN (serials), DOI, NCID or JP-No, else the same normalized title, first creator and year.
 */
public final class RecordDocuments {
    private RecordDocuments() {
    }

    /** The document id: provider and the provider's identifier. */
    public static String docId(String providerId, String identifier) {
        return providerId + "|" + identifier;
    }

    public static SolrInputDocument toDocument(Record r) {
        return toDocument(r, java.util.Set.of());
    }

    /** The document, with {@code cluster_group} when its cluster key is one of {@code sharedKeys}. */
    public static SolrInputDocument toDocument(Record r, java.util.Set<String> sharedKeys) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField("id", docId(r.providerId(), r.id()));
        d.addField("record_id", r.id());
        d.addField("provider", r.providerId());
        d.addField("title_display", r.mainTitle());
        String sortKey = null;
        for (Title t : r.titles()) {
            d.addField("title", t.value());
            if (t.reading() != null) {
                d.addField("title_reading", t.reading());
                sortKey = sortKey == null ? t.reading() : sortKey;
            }
        }
        d.addField("title_sort", sortKey(sortKey != null ? sortKey : r.mainTitle()));
        for (Agent a : r.agents()) {
            d.addField("creator", a.name());
            for (String v : a.variants()) {
                d.addField("creator", v);
            }
            if (a.reading() != null) {
                d.addField("creator_reading", a.reading());
            }
        }
        r.publishers().forEach(p -> d.addField("publisher", p.name()));
        for (Subject s : r.subjects()) {
            if (s.scheme() == SubjectScheme.NDC || s.scheme() == SubjectScheme.NDC9 || s.scheme() == SubjectScheme.NDC10) {
                d.addField("ndc", s.value());
                if (!s.value().isEmpty() && Character.isDigit(s.value().charAt(0))) {
                    d.addField("ndc_class", s.value().substring(0, 1));
                }
            } else if (s.scheme() != SubjectScheme.NDLC && s.scheme() != SubjectScheme.LCC && s.scheme() != SubjectScheme.DDC) {
                d.addField("subject", s.value());
                d.addField("subject_facet", s.value());
            }
        }
        r.descriptions().forEach(x -> d.addField("description", x));
        for (Identifier i : r.identifiers()) {
            switch (i.type()) {
                case ISBN -> {
                    d.addField("isbn", i.value());
                    if (i.valid()) {
                        Identifiers.isbn13to10(i.value()).ifPresent(ten -> d.addField("isbn", ten));
                    }
                }
                case ISSN -> d.addField("issn", i.value());
                case DOI -> d.addField("doi", i.value());
                case NCID -> d.addField("ncid", i.value());
                case JPNO -> d.addField("jpno", i.value());
                default -> d.addField("other_id", i.value());
            }
        }
        DateValue issued = r.issued();
        if (issued != null) {
            d.addField("date_display", issued.original());
            if (issued.isParsed()) {
                d.addField("year", issued.start().getYear());
                d.addField("decade", Integer.toString(issued.start().getYear() - Math.floorMod(issued.start().getYear(), 10)));
                d.addField("year_end", issued.end() == null ? issued.start().getYear() : issued.end().getYear());
            }
        }
        d.addField("material_type", r.materialType().name());
        r.languages().stream().distinct().forEach(l -> d.addField("language", l.toLowerCase(Locale.ROOT)));
        d.addField("access_tier", r.accessTier() == null ? "NONE" : r.accessTier().name());
        d.addField("reuse", r.rights().condition().name());
        boolean digital = false;
        boolean fulltext = false;
        for (Link l : r.links()) {
            digital |= l.kind() == LinkKind.IIIF_MANIFEST;
            fulltext |= l.kind() == LinkKind.FULL_TEXT;
            if (l.kind() == LinkKind.THUMBNAIL && !d.containsKey("thumbnail")) {
                d.addField("thumbnail", l.url());
            }
        }
        d.addField("has_digital", digital);
        d.addField("has_fulltext", fulltext);
        addGeo(d, r);
        String clusterKey = clusterKey(r);
        d.addField("cluster_key", clusterKey);
        if (sharedKeys.contains(clusterKey)) {
            d.addField("cluster_group", clusterKey);
        }
        d.addField("indexed_at", new Date());
        return d;
    }

    /** A point per geo location with coordinates ({@code geo}, "lat,lon"), {@code has_geo}; place names are searchable. */
    private static void addGeo(SolrInputDocument d, Record r) {
        boolean geo = false;
        for (GeoLocation g : r.geoLocations()) {
            GeoLocation.Point p = g.center();
            if (p != null) {
                d.addField("geo", p.lat() + "," + p.lon());
                geo = true;
            }
            if (g.place() != null) {
                d.addField("subject", g.place());
            }
        }
        d.addField("has_geo", geo);
    }

    /** The key that groups records describing the same manifestation. */
    public static String clusterKey(Record r) {
        for (IdentifierType t : new IdentifierType[] {IdentifierType.ISBN, IdentifierType.DOI, IdentifierType.NCID,
            IdentifierType.JPNO}) {
            for (Identifier i : r.identifiers(t)) {
                if (i.valid()) {
                    return t.name().toLowerCase(Locale.ROOT) + ":" + i.value();
                }
            }
        }
        if (r.materialType() == org.kura.model.MaterialType.SERIAL) {
            for (Identifier i : r.identifiers(IdentifierType.ISSN)) {
                if (i.valid()) {
                    return "issn:" + i.value();
                }
            }
        }
        String creator = r.agents().isEmpty() ? "" : r.agents().get(0).name();
        DateValue issued = r.issued();
        String year = issued == null || !issued.isParsed() ? "" : Integer.toString(issued.start().getYear());
        String key = "t:" + fold(r.mainTitle()) + "|" + fold(creator) + "|" + year;
        return key.length() > 300 ? key.substring(0, 300) : key;
    }

    /** NFKC, lower case, letters and digits only (punctuation, spaces and dates of life dropped). */
    static String fold(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        n = n.replaceAll(",?\\s*\\d{3,4}-(\\d{3,4})?\\s*$", "");
        StringBuilder sb = new StringBuilder();
        n.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** A sort key: NFKC, hiragana as katakana, no spaces or punctuation. */
    static String sortKey(String s) {
        String n = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder();
        n.codePoints().forEach(cp -> {
            if (cp >= 0x3041 && cp <= 0x3096) {
                sb.appendCodePoint(cp + 0x60);
            } else if (Character.isLetterOrDigit(cp) || cp == 'ー') {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return sb.length() > 200 ? sb.substring(0, 200) : sb.toString();
    }

    static Set<String> unique(Iterable<String> values) {
        Set<String> s = new LinkedHashSet<>();
        values.forEach(s::add);
        return s;
    }
}
