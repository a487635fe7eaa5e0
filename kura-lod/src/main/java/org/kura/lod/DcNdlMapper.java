package org.kura.lod;

import java.util.Locale;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.kura.model.Agent;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.MaterialType;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Subject;
import org.kura.model.Title;
import org.kura.model.TitleType;

/**
 * A record as DC-NDL RDF, the NDL's own vocabulary ("DC-NDL (RDF) 2020年12月版"), shaped as NDL Search
 * publishes it: a {@code dcndl:BibAdminResource} (the description, at the record URI) pointing with
 * {@code dcndl:record} to the {@code dcndl:BibResource} ({@code #material}); titles as
 * {@code dc:title [rdf:value; dcndl:transcription]} beside the plain {@code dcterms:title}; agents as
 * {@code foaf:Agent} with {@code foaf:name} and {@code dcndl:transcription}; identifiers as
 * {@code dcterms:identifier} typed {@code dcndl:ISBN}, {@code dcndl:ISSN}…; NDC as
 * {@code http://id.ndl.go.jp/class/ndc9/…}; NDLSH headings with their URI when known; material types
 * as {@code http://ndl.go.jp/ndltype/…}. Kura's DC-NDL crosswalk reads this back.
 */
public final class DcNdlMapper {
    public static final String DCNDL = "http://ndl.go.jp/dcndl/terms/";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String DC = "http://purl.org/dc/elements/1.1/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";

    private final UriScheme uris;

    public DcNdlMapper(UriScheme uris) {
        this.uris = uris;
    }

    /** A new model holding the record's description. */
    public Model toModel(Record r) {
        Model m = ModelFactory.createDefaultModel();
        prefixes(m);
        add(m, r);
        return m;
    }

    public static void prefixes(Model m) {
        m.setNsPrefix("rdf", RDF.getURI());
        m.setNsPrefix("rdfs", RDFS.getURI());
        m.setNsPrefix("dcndl", DCNDL);
        m.setNsPrefix("dcterms", DCTERMS);
        m.setNsPrefix("dc", DC);
        m.setNsPrefix("foaf", FOAF);
    }

    /** Adds the record's description to {@code m}. */
    public void add(Model m, Record r) {
        String uri = uris.record(r.providerId(), r.id());
        Resource admin = m.createResource(uri).addProperty(RDF.type, m.createResource(DCNDL + "BibAdminResource"));
        Resource bib = m.createResource(uri + "#material").addProperty(RDF.type, m.createResource(DCNDL + "BibResource"));
        admin.addProperty(p(m, DCNDL, "record"), bib);
        admin.addProperty(p(m, DCTERMS, "publisher"), m.createResource(uris.provider(r.providerId())));
        for (Identifier id : r.identifiers()) {
            String type = switch (id.type()) {
                case ISBN -> "ISBN";
                case ISSN -> "ISSN";
                case DOI -> "DOI";
                case NCID -> "NCID";
                case JPNO -> "JPNO";
                case NDL_BIBID -> "NDLBibID";
                case URI -> "URI";
                default -> null;
            };
            if (type != null) {
                bib.addProperty(p(m, DCTERMS, "identifier"), typed(m, id.value(), DCNDL + type));
            } else {
                bib.addProperty(p(m, DCTERMS, "identifier"), id.value());
            }
        }
        boolean mainDone = false;
        for (Title t : r.titles()) {
            if (t.type() == TitleType.MAIN && !mainDone) {
                mainDone = true;
                bib.addProperty(p(m, DCTERMS, "title"), lang(m, t.value(), t.lang()));
                bib.addProperty(p(m, DC, "title"), valued(m, t.value(), t.lang(), t.reading()));
            } else if (t.type() == TitleType.SERIES) {
                bib.addProperty(p(m, DCNDL, "seriesTitle"), valued(m, t.value(), t.lang(), t.reading()));
            } else {
                bib.addProperty(p(m, DCNDL, "alternative"), valued(m, t.value(), t.lang(), t.reading()));
            }
        }
        for (Agent a : r.agents()) {
            Resource agent = m.createResource().addProperty(RDF.type, m.createResource(FOAF + "Agent"))
                    .addProperty(p(m, FOAF, "name"), a.name());
            if (a.reading() != null) {
                agent.addProperty(p(m, DCNDL, "transcription"), a.reading());
            }
            for (Identifier id : a.identifiers()) {
                if (id.value().startsWith("http")) {
                    agent.addProperty(RDFS.seeAlso, m.createResource(id.value()));
                }
            }
            bib.addProperty(p(m, DCTERMS, "creator"), agent);
            bib.addProperty(p(m, DC, "creator"), a.name());
        }
        for (Agent a : r.publishers()) {
            Resource agent = m.createResource().addProperty(RDF.type, m.createResource(FOAF + "Agent"))
                    .addProperty(p(m, FOAF, "name"), a.name());
            if (a.reading() != null) {
                agent.addProperty(p(m, DCNDL, "transcription"), a.reading());
            }
            bib.addProperty(p(m, DCTERMS, "publisher"), agent);
        }
        for (String place : r.places()) {
            bib.addProperty(p(m, DCNDL, "publicationPlace"), place);
        }
        DateValue issued = r.issued();
        for (DateValue d : r.dates()) {
            if (d.original() != null) {
                bib.addProperty(p(m, DCTERMS, "date"), d.original());
            }
        }
        if (issued != null && issued.start() != null) {
            bib.addProperty(p(m, DCTERMS, "issued"), typed(m, w3cdtf(issued), DCTERMS + "W3CDTF"));
        }
        if (r.extent() != null) {
            bib.addProperty(p(m, DCTERMS, "extent"), r.extent());
        }
        for (Subject s : r.subjects()) {
            switch (s.scheme()) {
                case NDC, NDC9 -> bib.addProperty(p(m, DCTERMS, "subject"), m.createResource("http://id.ndl.go.jp/class/ndc9/" + s.value()));
                case NDC10 -> bib.addProperty(p(m, DCTERMS, "subject"), m.createResource("http://id.ndl.go.jp/class/ndc10/" + s.value()));
                case NDLC -> bib.addProperty(p(m, DCTERMS, "subject"), m.createResource("http://id.ndl.go.jp/class/ndlc/" + s.value()));
                case NDLSH -> {
                    Resource heading = m.createResource(s.uri() != null ? s.uri() : null);
                    heading.addProperty(RDF.value, s.value());
                    bib.addProperty(p(m, DCTERMS, "subject"), heading);
                }
                default -> bib.addProperty(p(m, DC, "subject"), s.value());
            }
        }
        for (String l : r.languages()) {
            bib.addProperty(p(m, DCTERMS, "language"), typed(m, l.toLowerCase(Locale.ROOT), DCTERMS + "ISO639-2"));
        }
        String ndlType = ndlType(r.materialType());
        if (ndlType != null) {
            bib.addProperty(p(m, DCNDL, "materialType"), m.createResource("http://ndl.go.jp/ndltype/" + ndlType)
                    .addProperty(RDFS.label, r.materialType().labelJa()));
        }
        for (String d : r.descriptions()) {
            bib.addProperty(p(m, DCTERMS, "description"), d);
        }
        ReuseCondition rc = r.rights().condition();
        if (rc != ReuseCondition.UNKNOWN && rc.uri() != null) {
            bib.addProperty(p(m, DCTERMS, "license"), m.createResource(rc.uri()));
        }
        if (r.rights().statement() != null) {
            bib.addProperty(p(m, DCTERMS, "rights"), r.rights().statement());
        }
        for (org.kura.model.Relation rel : r.relations()) {
            if (rel.type() == org.kura.model.RelationType.IS_PART_OF && rel.label() != null) {
                bib.addProperty(p(m, DCTERMS, "isPartOf"), m.createResource().addProperty(p(m, DCTERMS, "title"), rel.label()));
            }
        }
        for (Link l : r.links()) {
            if (l.kind() == LinkKind.LANDING_PAGE || l.kind() == LinkKind.IIIF_MANIFEST || l.kind() == LinkKind.SOURCE_RECORD) {
                bib.addProperty(RDFS.seeAlso, m.createResource(l.url()));
            }
        }
    }

    /** The date at the precision it has: a whole year as YYYY, a whole month as YYYY-MM, else the day. */
    static String w3cdtf(DateValue d) {
        java.time.LocalDate s = d.start();
        java.time.LocalDate e = d.end() == null ? s : d.end();
        if (s.getDayOfYear() == 1 && e.getYear() == s.getYear() && e.getMonthValue() == 12 && e.getDayOfMonth() == 31) {
            return String.format("%04d", s.getYear());
        }
        if (s.getDayOfMonth() == 1 && e.getYear() == s.getYear() && e.getMonth() == s.getMonth()
                && e.getDayOfMonth() == e.lengthOfMonth()) {
            return String.format("%04d-%02d", s.getYear(), s.getMonthValue());
        }
        return s.toString();
    }

    private static Resource valued(Model m, String value, String lang, String reading) {
        Resource d = m.createResource().addProperty(RDF.value, lang(m, value, lang));
        if (reading != null) {
            d.addProperty(m.createProperty(DCNDL, "transcription"), reading);
        }
        return d;
    }

    private static Literal lang(Model m, String value, String lang) {
        return lang == null || lang.isBlank() || lang.contains("-Kana") ? m.createLiteral(value) : m.createLiteral(value, lang);
    }

    private static Property p(Model m, String ns, String local) {
        return m.createProperty(ns, local);
    }

    private static Literal typed(Model m, String lexical, String datatype) {
        RDFDatatype dt = TypeMapper.getInstance().getSafeTypeByName(datatype);
        return m.createTypedLiteral(lexical, dt);
    }

    /** The NDL's material type (http://ndl.go.jp/ndltype/…) for a Kura material type. */
    static String ndlType(MaterialType t) {
        return switch (t) {
            case BOOK -> "Book";
            case SERIAL -> "Periodical";
            case ARTICLE -> "Article";
            case THESIS -> "DoctoralThesis";
            case MAP -> "Map";
            case MUSIC_SCORE -> "MusicScore";
            case AUDIO -> "Sound";
            case VIDEO -> "MovingImage";
            case IMAGE -> "StillImage";
            case WEBSITE -> "WebPage";
            case DATASET -> "Dataset";
            case SOFTWARE -> "Software";
            case ARCHIVAL_DOCUMENT -> "Archives";
            case ART_OBJECT -> "Object";
            default -> null;
        };
    }
}
