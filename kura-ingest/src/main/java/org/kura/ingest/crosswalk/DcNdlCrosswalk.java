package org.kura.ingest.crosswalk;

import static org.kura.ingest.crosswalk.XmlDocuments.RDF;
import static org.kura.ingest.crosswalk.XmlDocuments.attr;
import static org.kura.ingest.crosswalk.XmlDocuments.children;
import static org.kura.ingest.crosswalk.XmlDocuments.first;
import static org.kura.ingest.crosswalk.XmlDocuments.lang;
import static org.kura.ingest.crosswalk.XmlDocuments.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.MaterialType;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Relation;
import org.kura.model.RelationType;
import org.kura.model.Rights;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.w3c.dom.Element;

/**
 * DC-NDL (RDF/XML, the National Diet Library's metadata vocabulary, https://www.ndl.go.jp/jp/dlib/standards/meta/)
 * into the common model: {@code dcndl:BibResource} with titles and their transcriptions, agents
 * (foaf:Agent with transcription and authority URI, or dc:creator text with a role word such as
 * 著・編・訳), publishers and places, dates, extent, NDLSH/NDC/NDLC subjects, typed identifiers
 * (ISBN, ISSN, JP-No, NDL BibID, DOI, NCID), material type, series, holdings ({@code dcndl:Item}),
 * coordinates in {@code dcterms:spatial} / {@code dc:coverage} as geo locations (a place name in spatial as a
 * location by name, other coverage as a keyword).
 */
public final class DcNdlCrosswalk implements Crosswalk {
    static final String DCNDL = "http://ndl.go.jp/dcndl/terms/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";

    private final XmlDocuments xml = new XmlDocuments();

    @Override
    public String format() {
        return "dcndl";
    }

    @Override
    public Record apply(RawRecord raw) throws CrosswalkException {
        Element root = xml.parse(raw.bytes());
        if (!"RDF".equals(root.getLocalName()) || !RDF.equals(root.getNamespaceURI())) {
            throw new CrosswalkException("not a DC-NDL record: root element " + root.getTagName() + " (expected rdf:RDF)");
        }
        Element bib = first(root, DCNDL, "BibResource");
        if (bib == null) {
            // writers that nest the resource inside dcndl:record of the BibAdminResource (Jena's pretty RDF/XML)
            org.w3c.dom.NodeList nested = root.getElementsByTagNameNS(DCNDL, "BibResource");
            bib = nested.getLength() == 0 ? null : (Element) nested.item(0);
        }
        if (bib == null) {
            throw new CrosswalkException("DC-NDL record without dcndl:BibResource");
        }
        Record.Builder b = Record.builder(raw.identifier(), raw.providerId());
        titles(bib, b);
        if (!b.hasTitle()) {
            throw new CrosswalkException("DC-NDL record without dcterms:title");
        }
        agents(bib, b);
        MaterialType type = null;
        String journal = null;
        List<String> citation = new ArrayList<>();
        for (Element e : children(bib)) {
            String ns = e.getNamespaceURI();
            String name = e.getLocalName();
            String text = text(e);
            String resource = attr(e, RDF, "resource");
            if (DCTERMS.equals(ns)) {
                switch (name) {
                    case "publisher" -> publisher(e, b);
                    case "issued" -> {
                        if (text != null) {
                            b.date(DateValue.parse(text, DateType.ISSUED));
                        }
                    }
                    case "date" -> {
                        if (text != null) {
                            b.date(DateValue.parse(text, DateType.OTHER));
                        }
                    }
                    case "extent" -> b.extent(text);
                    case "subject" -> subject(e, b);
                    case "language" -> {
                        if (text != null) {
                            b.language(text.toLowerCase(Locale.ROOT));
                        }
                    }
                    case "identifier" -> identifier(e, b);
                    case "description", "abstract", "tableOfContents" -> {
                        if (text != null) {
                            b.description(text);
                        }
                    }
                    case "isPartOf" -> isPartOf(e, b);
                    case "rights", "accessRights", "license" -> {
                        String r = resource != null ? resource : text;
                        if (r != null && (b.build().rights().condition() == org.kura.model.ReuseCondition.UNKNOWN)) {
                            b.rights(Rights.fromStatement(r));
                        }
                    }
                    case "hasPart" -> b.relation(new Relation(RelationType.HAS_PART, label(e), null, null));
                    case "spatial" -> {
                        String v = text != null ? text : label(e);
                        if (v != null) {
                            GeoLocations.spatial(v, b);
                        }
                    }
                    default -> {
                    }
                }
            } else if (DCNDL.equals(ns)) {
                switch (name) {
                    case "publicationPlace" -> {
                        if (text != null) {
                            b.place(text);
                        }
                    }
                    case "materialType" -> {
                        MaterialType t = MaterialTypes.of(resource != null ? resource : text).orElse(null);
                        if (t != null && (type == null || type == MaterialType.BOOK && t != MaterialType.BOOK)) {
                            type = t;
                        }
                    }
                    case "seriesTitle" -> b.relation(new Relation(RelationType.SERIES, label(e), null, null));
                    case "volume" -> b.title(new Title(valueOf(e), transcription(e), TitleType.VOLUME, null));
                    case "edition" -> b.description("版: " + label(e));
                    case "publicationName" -> journal = text;
                    case "publicationVolume" -> citation.add("vol. " + text);
                    case "number" -> citation.add("no. " + text);
                    case "pageRange" -> citation.add(text);
                    case "price", "genre" -> {
                    }
                    default -> {
                    }
                }
            } else if (DC.equals(ns) && "coverage".equals(name) && text != null) {
                GeoLocations.coverage(text, b);
            } else if (RDFS.equals(ns) && "seeAlso".equals(name) && resource != null) {
                b.link(new Link(resource, LinkKind.LANDING_PAGE, null));
            }
        }
        if (journal != null) {
            b.relation(new Relation(RelationType.IS_PART_OF, journal, null,
                    citation.isEmpty() ? null : String.join(" ", citation)));
        }
        for (Element item : children(root, DCNDL, "Item")) {
            holding(item, b);
        }
        b.materialType(type == null ? MaterialType.BOOK : type);
        return b.build();
    }

    private static void titles(Element bib, Record.Builder b) {
        Element dcTitle = first(bib, DC, "title");
        String main = text(first(bib, DCTERMS, "title"));
        String reading = dcTitle == null ? null : transcription(dcTitle);
        if (main == null && dcTitle != null) {
            main = valueOf(dcTitle);
        }
        if (main != null) {
            b.title(new Title(main, reading, TitleType.MAIN, null));
        }
        for (Element alt : children(bib, DCNDL, "alternative")) {
            String v = valueOf(alt);
            if (v != null) {
                b.title(new Title(v, transcription(alt), TitleType.ALTERNATIVE, null));
            }
        }
        for (Element alt : children(bib, DCTERMS, "alternative")) {
            String v = valueOf(alt);
            if (v != null) {
                b.title(new Title(v, transcription(alt), TitleType.ALTERNATIVE, null));
            }
        }
    }

    private static void agents(Element bib, Record.Builder b) {
        List<String> seen = new ArrayList<>();
        for (Element c : children(bib, DCTERMS, "creator")) {
            Element agent = first(c, FOAF, "Agent");
            if (agent == null) {
                String t = text(c);
                if (t != null) {
                    b.agent(Agent.of(t, Role.CREATOR));
                    seen.add(t);
                }
                continue;
            }
            String name = text(first(agent, FOAF, "name"));
            if (name == null) {
                continue;
            }
            String uri = attr(agent, RDF, "about");
            List<Identifier> ids = uri == null ? List.of()
                    : List.of(new Identifier(IdentifierType.NDL_AUTH, uri, uri, uri.startsWith("http")));
            b.agent(new Agent(name, text(first(agent, DCNDL, "transcription")), Role.CREATOR, ids, null));
            seen.add(name);
        }
        // dc:creator carries the statement of responsibility with the role word (e.g. "夏目漱石 著")
        for (Element c : children(bib, DC, "creator")) {
            String t = text(c);
            if (t == null) {
                continue;
            }
            Role role = Roles.fromJapaneseSuffix(t);
            String name = Roles.stripRoleWord(t);
            boolean known = seen.stream().anyMatch(s -> sameName(s, name));
            if (!known) {
                b.agent(Agent.of(name, role));
            }
        }
        for (Element c : children(bib, DCTERMS, "contributor")) {
            String t = text(c);
            if (t != null) {
                b.agent(Agent.of(Roles.stripRoleWord(t), Roles.fromJapaneseSuffix(t) == Role.CREATOR ? Role.CONTRIBUTOR
                        : Roles.fromJapaneseSuffix(t)));
            }
        }
    }

    /** "山田, 孝雄, 1873-1958" and "山田孝雄" name the same person: compare without punctuation and dates. */
    static boolean sameName(String a, String b) {
        return nameKey(a).equals(nameKey(b));
    }

    private static String nameKey(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("[\\d\\s,.\\-‐]", "");
    }

    private static void publisher(Element e, Record.Builder b) {
        Element agent = first(e, FOAF, "Agent");
        if (agent == null) {
            String t = text(e);
            if (t != null) {
                b.publisher(Agent.of(t, Role.PUBLISHER));
            }
            return;
        }
        String name = text(first(agent, FOAF, "name"));
        if (name != null) {
            b.publisher(new Agent(name, text(first(agent, DCNDL, "transcription")), Role.PUBLISHER, List.of(), null));
        }
        String location = text(first(agent, DCNDL, "location"));
        if (location != null) {
            b.place(location);
        }
    }

    private static void subject(Element e, Record.Builder b) {
        String resource = attr(e, RDF, "resource");
        Element desc = first(e, RDF, "Description");
        String uri = resource != null ? resource : desc == null ? null : attr(desc, RDF, "about");
        String label = desc != null ? valueOf(desc) : text(e);
        if (uri != null && uri.contains("/class/")) {
            String code = uri.substring(uri.lastIndexOf('/') + 1);
            SubjectScheme scheme = uri.contains("/ndc10/") ? SubjectScheme.NDC10 : uri.contains("/ndc9/")
                    ? SubjectScheme.NDC9 : uri.contains("/ndlc/") ? SubjectScheme.NDLC : uri.contains("/ndc")
                    ? SubjectScheme.NDC : SubjectScheme.OTHER;
            b.subject(new Subject(code, scheme, uri));
            return;
        }
        if (label == null) {
            return;
        }
        SubjectScheme scheme = uri != null && uri.contains("/ndlsh/") ? SubjectScheme.NDLSH : SubjectScheme.KEYWORD;
        b.subject(new Subject(label, scheme, uri));
    }

    private static void identifier(Element e, Record.Builder b) {
        String t = text(e);
        if (t == null) {
            return;
        }
        String datatype = attr(e, RDF, "datatype");
        String kind = datatype == null ? "" : datatype.substring(datatype.lastIndexOf('/') + 1);
        IdentifierType type = switch (kind) {
            case "ISBN", "SetISBN" -> IdentifierType.ISBN;
            case "ISSN", "ISSNL" -> IdentifierType.ISSN;
            case "JPNO" -> IdentifierType.JPNO;
            case "NDLBibID" -> IdentifierType.NDL_BIBID;
            case "DOI" -> IdentifierType.DOI;
            case "NCID" -> IdentifierType.NCID;
            case "URI" -> IdentifierType.URI;
            case "LCCN" -> IdentifierType.LCCN;
            case "OCLCNO" -> IdentifierType.OCLC;
            default -> null;
        };
        Identifier id = type != null ? Identifiers.normalize(type, t)
                : Identifiers.detect(t).orElse(new Identifier(IdentifierType.OTHER, t, t, true));
        b.identifier(id);
        if (id.type() == IdentifierType.DOI && id.valid()) {
            b.link(new Link("https://doi.org/" + id.value(), LinkKind.LANDING_PAGE, null));
        }
    }

    private static void isPartOf(Element e, Record.Builder b) {
        String resource = attr(e, RDF, "resource");
        Element desc = first(e, RDF, "Description");
        if (desc != null) {
            String title = text(first(desc, DCTERMS, "title"));
            Element idEl = first(desc, DCTERMS, "identifier");
            Identifier id = null;
            if (idEl != null && text(idEl) != null) {
                String dt = attr(idEl, RDF, "datatype");
                id = dt != null && dt.endsWith("ISSN") ? Identifiers.normalize(IdentifierType.ISSN, text(idEl))
                        : Identifiers.detect(text(idEl)).orElse(null);
            }
            b.relation(new Relation(RelationType.IS_PART_OF, title, id, null));
        } else if (resource != null && resource.matches(".*/issn/\\d{7}[\\dXx]$")) {
            String issn = resource.substring(resource.lastIndexOf('/') + 1);
            b.relation(new Relation(RelationType.IS_PART_OF, null, Identifiers.normalize(IdentifierType.ISSN, issn), null));
        } else if (resource != null && !resource.contains("/issnl/")) {
            b.relation(new Relation(RelationType.IS_PART_OF, null, new Identifier(IdentifierType.URI, resource, resource, true), null));
        } else if (text(e) != null) {
            b.relation(new Relation(RelationType.IS_PART_OF, text(e), null, null));
        }
    }

    private static void holding(Element item, Record.Builder b) {
        Element holder = first(item, DCNDL, "holdingAgent");
        String holderName = null;
        if (holder != null) {
            Element agent = first(holder, FOAF, "Agent");
            holderName = agent == null ? text(holder) : text(first(agent, FOAF, "name"));
        }
        String call = text(first(item, DCNDL, "callNumber"));
        String about = attr(item, RDF, "about");
        Element seeAlso = first(item, RDFS, "seeAlso");
        String url = seeAlso != null && attr(seeAlso, RDF, "resource") != null ? attr(seeAlso, RDF, "resource") : about;
        if (url != null) {
            String label = holderName == null ? call : call == null ? holderName : holderName + " " + call;
            b.link(new Link(url, LinkKind.HOLDING, label));
        }
    }

    /** {@code rdf:Description/rdf:value} or the element's own text. */
    /** The node that describes {@code e}'s value: a nested rdf:Description, or {@code e} itself with rdf:parseType="Resource". */
    private static Element description(Element e) {
        if (e.getLocalName().equals("Description") || "Resource".equals(attr(e, RDF, "parseType"))) {
            return e;
        }
        return first(e, RDF, "Description");
    }

    static String valueOf(Element e) {
        Element desc = description(e);
        if (desc != null) {
            String v = text(first(desc, RDF, "value"));
            return v != null ? v : text(first(desc, FOAF, "name"));
        }
        return text(e);
    }

    static String transcription(Element e) {
        Element desc = description(e);
        return desc == null ? null : text(first(desc, DCNDL, "transcription"));
    }

    private static String label(Element e) {
        String v = valueOf(e);
        if (v == null) {
            Element desc = first(e, RDF, "Description");
            v = desc == null ? null : text(first(desc, DCTERMS, "title"));
        }
        return v == null ? "" : v;
    }

    static String langOf(Element e) {
        return lang(e);
    }
}
