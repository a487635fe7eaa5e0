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
import org.kura.model.AccessTier;
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
 * JPCOAR schema 1.0/2.0/2.1 (Japanese institutional repositories, https://github.com/JPCOAR/schema)
 * into the common model: titles with {@code ja-Kana} readings, creators and contributors with
 * name identifiers and affiliations, COAR resource and access-right types, dates by type,
 * identifiers, source (journal) with volume/issue/pages, subjects by scheme, files, degree data, and
 * geo locations (DataCite {@code geoLocation} points, boxes and places; coordinates or a place name in {@code dcterms:spatial}).
 */
public final class JpcoarCrosswalk implements Crosswalk {
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String DATACITE = "https://schema.datacite.org/meta/kernel-4/";
    static final String DCNDL = "http://ndl.go.jp/dcndl/terms/";

    private final XmlDocuments xml = new XmlDocuments();

    @Override
    public String format() {
        return "jpcoar";
    }

    @Override
    public Record apply(RawRecord raw) throws CrosswalkException {
        Element root = xml.parse(raw.bytes());
        if (!"jpcoar".equals(root.getLocalName()) || root.getNamespaceURI() == null
                || !root.getNamespaceURI().contains("JPCOAR/schema")) {
            throw new CrosswalkException("not a JPCOAR record: root element " + root.getTagName());
        }
        Record.Builder b = Record.builder(raw.identifier(), raw.providerId());
        titles(root, b);
        if (!b.hasTitle()) {
            throw new CrosswalkException("JPCOAR record without dc:title");
        }
        MaterialType type = null;
        String sourceTitle = null;
        Identifier sourceId = null;
        List<String> citation = new ArrayList<>();
        for (Element e : children(root)) {
            String name = e.getLocalName();
            String ns = e.getNamespaceURI();
            String text = text(e);
            boolean jp = ns != null && ns.contains("JPCOAR/schema");
            if (jp && name.equals("creator")) {
                b.agent(agent(e, "creatorName", Role.CREATOR, attr(e, null, "creatorType")));
            } else if (jp && name.equals("contributor")) {
                b.agent(agent(e, "contributorName", Role.CONTRIBUTOR, attr(e, null, "contributorType")));
            } else if (DC.equals(ns) && name.equals("publisher") && text != null) {
                b.publisher(new Agent(text, null, Role.PUBLISHER, List.of(), null));
            } else if (jp && name.equals("publisher")) {
                String pn = firstText(e, "publisherName");
                if (pn != null) {
                    b.publisher(Agent.of(pn, Role.PUBLISHER));
                }
                String place = firstText(e, "location");
                if (place != null) {
                    b.place(place);
                }
            } else if (DATACITE.equals(ns) && name.equals("date") && text != null) {
                b.date(DateValue.parse(text, dateType(attr(e, null, "dateType"))));
            } else if (DCTERMS.equals(ns) && name.equals("date") && text != null) {
                b.date(DateValue.parse(text, DateType.ISSUED));
            } else if (DCNDL.equals(ns) && name.equals("dateGranted") && text != null) {
                b.date(DateValue.parse(text, DateType.DEGREE_GRANTED));
            } else if (DC.equals(ns) && name.equals("language") && text != null) {
                b.language(text.toLowerCase(Locale.ROOT));
            } else if (DC.equals(ns) && name.equals("type")) {
                MaterialType t = MaterialTypes.of(attr(e, RDF, "resource")).or(() -> MaterialTypes.of(text)).orElse(null);
                if (t != null) {
                    type = t;
                }
            } else if (DCTERMS.equals(ns) && name.equals("accessRights")) {
                access(attr(e, RDF, "resource"), text, b);
            } else if (DC.equals(ns) && name.equals("rights")) {
                String r = attr(e, RDF, "resource");
                Rights rights = Rights.fromStatement(r != null ? r : text);
                if (rights.condition() != org.kura.model.ReuseCondition.UNKNOWN) {
                    b.rights(rights);
                }
            } else if (jp && name.equals("identifier") && text != null) {
                identifier(attr(e, null, "identifierType"), text, b);
            } else if (jp && name.equals("identifierRegistration") && text != null) {
                b.identifier(Identifiers.normalize(IdentifierType.DOI, text));
            } else if (jp && name.equals("subject") && text != null) {
                b.subject(new Subject(text, scheme(attr(e, null, "subjectScheme")), attr(e, null, "subjectURI")));
            } else if (DATACITE.equals(ns) && name.equals("description") && text != null) {
                b.description(text);
            } else if (jp && name.equals("sourceTitle") && text != null && sourceTitle == null) {
                sourceTitle = text;
            } else if (jp && name.equals("sourceIdentifier") && text != null) {
                String t = attr(e, null, "identifierType");
                IdentifierType it = t == null ? IdentifierType.OTHER : switch (t.toUpperCase(Locale.ROOT)) {
                    case "PISSN", "EISSN", "ISSN" -> IdentifierType.ISSN;
                    case "NCID" -> IdentifierType.NCID;
                    default -> IdentifierType.OTHER;
                };
                if (sourceId == null || it == IdentifierType.ISSN) {
                    sourceId = Identifiers.normalize(it, text);
                }
            } else if (jp && (name.equals("volume") || name.equals("issue") || name.equals("pageStart")
                    || name.equals("pageEnd") || name.equals("numPages")) && text != null) {
                citation.add(switch (name) {
                    case "volume" -> "vol. " + text;
                    case "issue" -> "no. " + text;
                    case "pageStart" -> "p. " + text;
                    case "pageEnd" -> "-" + text;
                    default -> text + " p.";
                });
            } else if (jp && name.equals("relation")) {
                relation(e, b);
            } else if (jp && name.equals("file")) {
                file(e, b);
            } else if (jp && name.equals("degreeGrantor")) {
                String g = firstText(e, "degreeGrantorName");
                if (g != null) {
                    b.agent(Agent.of(g, Role.DEGREE_GRANTOR));
                }
            } else if (DCNDL.equals(ns) && (name.equals("dissertationNumber") || name.equals("degreeName")) && text != null) {
                b.description((name.equals("dissertationNumber") ? "報告番号: " : "学位: ") + text);
            } else if (DCTERMS.equals(ns) && name.equals("extent") && text != null) {
                b.extent(text);
            } else if ((DATACITE.equals(ns) || jp) && name.equals("geoLocation")) {
                GeoLocations.dataCite(e, b);
            } else if (DCTERMS.equals(ns) && name.equals("spatial") && text != null) {
                GeoLocations.spatial(text, b);
            } else if (jp && name.equals("fundingReference")) {
                String funder = firstText(e, "funderName");
                if (funder != null) {
                    b.agent(Agent.of(funder, Role.FUNDER));
                }
            }
        }
        if (sourceTitle != null || sourceId != null) {
            b.relation(new Relation(RelationType.IS_PART_OF, sourceTitle, sourceId,
                    citation.isEmpty() ? null : String.join(" ", citation).replace(" -", "-")));
        }
        b.materialType(type == null ? MaterialType.OTHER : type);
        return b.build();
    }

    private static void titles(Element root, Record.Builder b) {
        List<Element> titles = children(root, DC, "title");
        String reading = null;
        for (Element t : titles) {
            if ("ja-Kana".equalsIgnoreCase(lang(t))) {
                reading = text(t);
            }
        }
        boolean main = true;
        // Japanese title first when there is one: it is the title readers of this record search by
        titles.sort((x, y) -> Boolean.compare(!"ja".equals(lang(x)), !"ja".equals(lang(y))));
        for (Element t : titles) {
            String v = text(t);
            String l = lang(t);
            if (v == null || "ja-Kana".equalsIgnoreCase(l) || "ja-Latn".equalsIgnoreCase(l)) {
                continue;
            }
            b.title(new Title(v, main && (l == null || l.startsWith("ja")) ? reading : null,
                    main ? TitleType.MAIN : TitleType.PARALLEL, l));
            main = false;
        }
        for (Element t : children(root, DCTERMS, "alternative")) {
            if (text(t) != null && !"ja-Kana".equalsIgnoreCase(lang(t))) {
                b.title(new Title(text(t), null, TitleType.ALTERNATIVE, lang(t)));
            }
        }
    }

    private static Agent agent(Element e, String nameElement, Role defaultRole, String type) {
        String name = null;
        String reading = null;
        String english = null;
        for (Element n : children(e)) {
            if (!nameElement.equals(n.getLocalName()) && !"familyName".equals(n.getLocalName())) {
                continue;
            }
            String l = lang(n);
            String v = text(n);
            if (v == null || !nameElement.equals(n.getLocalName())) {
                continue;
            }
            if ("ja-Kana".equalsIgnoreCase(l)) {
                reading = v;
            } else if (l == null || l.startsWith("ja")) {
                name = name == null ? v : name;
            } else {
                english = english == null ? v : english;
            }
        }
        if (name == null) {
            name = english;
        }
        List<Identifier> ids = new ArrayList<>();
        for (Element id : children(e)) {
            if ("nameIdentifier".equals(id.getLocalName()) && text(id) != null) {
                String scheme = attr(id, null, "nameIdentifierScheme");
                IdentifierType t = scheme == null ? IdentifierType.OTHER : switch (scheme.toUpperCase(Locale.ROOT)) {
                    case "ORCID" -> IdentifierType.ORCID;
                    case "ISNI" -> IdentifierType.ISNI;
                    case "VIAF" -> IdentifierType.VIAF;
                    case "NRID", "E-RAD", "E-RAD_RESEARCHER", "KAKEN - 研究者番号" -> IdentifierType.LOCAL;
                    default -> IdentifierType.OTHER;
                };
                ids.add(Identifiers.normalize(t, text(id)));
            }
        }
        Element aff = first(e, null, "affiliation");
        String affiliation = aff == null ? null : firstText(aff, "affiliationName");
        Role role = Roles.fromRelator(type);
        if (role == null && type != null) {
            role = Roles.fromJapaneseSuffix(type);
        }
        List<String> variants = english != null && !english.equals(name) ? List.of(english) : List.of();
        return new Agent(name == null ? "(no name)" : name, reading, role == null ? defaultRole : role, ids, affiliation,
                variants);
    }

    private static String firstText(Element parent, String local) {
        String fallback = null;
        for (Element c : children(parent)) {
            if (local.equals(c.getLocalName()) && text(c) != null) {
                if (lang(c) == null || lang(c).equals("ja")) {
                    return text(c);
                }
                fallback = fallback == null ? text(c) : fallback;
            }
        }
        return fallback;
    }

    private static DateType dateType(String t) {
        if (t == null) {
            return DateType.ISSUED;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "issued" -> DateType.ISSUED;
            case "created" -> DateType.CREATED;
            case "updated" -> DateType.MODIFIED;
            case "available" -> DateType.AVAILABLE;
            case "accepted" -> DateType.ACCEPTED;
            case "copyrighted" -> DateType.COPYRIGHTED;
            case "collected" -> DateType.COLLECTED;
            default -> DateType.OTHER;
        };
    }

    private static void access(String uri, String text, Record.Builder b) {
        String v = (uri == null ? "" : uri) + " " + (text == null ? "" : text.toLowerCase(Locale.ROOT));
        if (v.contains("c_abf2") || v.contains("open access")) {
            b.accessTier(AccessTier.PUBLIC);
        } else if (v.contains("c_f1cf") || v.contains("embargoed")) {
            b.accessTier(AccessTier.WITHHELD);
            b.warning("embargoed access: content withheld until the embargo ends");
        } else if (v.contains("c_16ec") || v.contains("restricted")) {
            b.accessTier(AccessTier.LIBRARY);
        } else if (v.contains("c_14cb") || v.contains("metadata only")) {
            b.warning("metadata only: the repository holds no content for this record");
        }
    }

    private static void identifier(String type, String text, Record.Builder b) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        Identifier id = switch (t) {
            case "DOI" -> Identifiers.normalize(IdentifierType.DOI, text);
            case "HDL" -> new Identifier(IdentifierType.HANDLE, text.replaceFirst("(?i)^https?://hdl\\.handle\\.net/", ""),
                    text, true);
            case "URI" -> Identifiers.normalize(IdentifierType.URI, text);
            case "ISBN" -> Identifiers.normalize(IdentifierType.ISBN, text);
            case "NAID", "NCID" -> Identifiers.normalize(IdentifierType.OTHER, text);
            default -> Identifiers.detect(text).orElse(new Identifier(IdentifierType.OTHER, text, text, true));
        };
        b.identifier(id);
        if (id.type() == IdentifierType.DOI && id.valid()) {
            b.link(new Link("https://doi.org/" + id.value(), LinkKind.LANDING_PAGE, null));
        } else if (id.type() == IdentifierType.URI || id.type() == IdentifierType.HANDLE) {
            b.link(new Link(text, LinkKind.LANDING_PAGE, null));
        }
    }

    private static SubjectScheme scheme(String s) {
        if (s == null) {
            return SubjectScheme.KEYWORD;
        }
        return switch (s.toUpperCase(Locale.ROOT)) {
            case "NDC" -> SubjectScheme.NDC;
            case "NDLC" -> SubjectScheme.NDLC;
            case "NDLSH" -> SubjectScheme.NDLSH;
            case "BSH" -> SubjectScheme.BSH;
            case "LCSH" -> SubjectScheme.LCSH;
            case "LCC" -> SubjectScheme.LCC;
            case "DDC" -> SubjectScheme.DDC;
            case "UDC" -> SubjectScheme.UDC;
            case "MESH" -> SubjectScheme.MESH;
            case "OTHER" -> SubjectScheme.KEYWORD;
            default -> SubjectScheme.OTHER;
        };
    }

    private static void relation(Element e, Record.Builder b) {
        String type = attr(e, null, "relationType");
        RelationType rt = type == null ? RelationType.RELATED : switch (type) {
            case "isVersionOf" -> RelationType.IS_VERSION_OF;
            case "hasVersion" -> RelationType.HAS_VERSION;
            case "isPartOf" -> RelationType.IS_PART_OF;
            case "hasPart" -> RelationType.HAS_PART;
            case "isReferencedBy" -> RelationType.IS_REFERENCED_BY;
            case "references" -> RelationType.REFERENCES;
            case "isFormatOf" -> RelationType.IS_FORMAT_OF;
            case "hasFormat" -> RelationType.HAS_FORMAT;
            case "isReplacedBy" -> RelationType.IS_REPLACED_BY;
            case "replaces" -> RelationType.REPLACES;
            case "isSupplementTo" -> RelationType.IS_SUPPLEMENT_TO;
            case "isSupplementedBy" -> RelationType.HAS_SUPPLEMENT;
            default -> RelationType.RELATED;
        };
        Element rid = first(e, null, "relatedIdentifier");
        Identifier id = rid == null || text(rid) == null ? null
                : Identifiers.detect(text(rid)).orElse(new Identifier(IdentifierType.OTHER, text(rid), text(rid), true));
        String label = firstText(e, "relatedTitle");
        if (id != null || label != null) {
            b.relation(new Relation(rt, label, id, null));
        }
    }

    private static void file(Element e, Record.Builder b) {
        Element uri = first(e, null, "URI");
        if (uri == null || text(uri) == null) {
            return;
        }
        String objectType = attr(uri, null, "objectType");
        LinkKind kind = "thumbnail".equalsIgnoreCase(objectType) ? LinkKind.THUMBNAIL
                : objectType == null || "fulltext".equalsIgnoreCase(objectType) ? LinkKind.FULL_TEXT : LinkKind.OTHER;
        String label = attr(uri, null, "label");
        b.link(new Link(text(uri), kind, label == null ? objectType : label));
    }
}
