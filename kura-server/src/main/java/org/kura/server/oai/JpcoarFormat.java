package org.kura.server.oai;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kura.catalog.StoredRecord;
import org.kura.model.AccessTier;
import org.kura.model.Agent;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.Record;
import org.kura.model.Relation;
import org.kura.model.ReuseCondition;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.model.xml.XmlText;

/**
 * JPCOAR schema 2.0 ({@code jpcoar_2.0}), the format Japanese institutional repositories and IRDB
 * exchange: titles with their kana reading ({@code xml:lang="ja-Kana"}), creators with readings and
 * name identifiers, subjects with schemes, COAR resource types and access rights, identifiers by type.
 * Element order follows the schema.
 */
public final class JpcoarFormat implements MetadataFormat {
    static final String JPCOAR = "https://github.com/JPCOAR/schema/blob/master/2.0/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String DATACITE = "https://schema.datacite.org/meta/kernel-4/";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    @Override
    public String prefix() {
        return "jpcoar_2.0";
    }

    @Override
    public String schema() {
        return "https://github.com/JPCOAR/schema/blob/master/2.0/jpcoar_scm.xsd";
    }

    @Override
    public String namespace() {
        return JPCOAR;
    }

    @Override
    public void write(XMLStreamWriter out, StoredRecord stored) throws XMLStreamException {
        Record r = stored.normalized();
        out.writeStartElement("jpcoar", "jpcoar", JPCOAR);
        out.writeNamespace("jpcoar", JPCOAR);
        out.writeNamespace("dc", DC);
        out.writeNamespace("dcterms", DCTERMS);
        out.writeNamespace("datacite", DATACITE);
        out.writeNamespace("rdf", RDF);
        out.writeNamespace("xsi", XSI);
        out.writeAttribute("xsi", XSI, "schemaLocation", JPCOAR + " " + schema());
        for (Title t : r.titles()) {
            if (t.type() == TitleType.MAIN || t.type() == TitleType.PARALLEL) {
                text(out, DC, "dc", "title", t.value(), lang(t.lang()), null);
                if (t.reading() != null) {
                    text(out, DC, "dc", "title", t.reading(), "ja-Kana", null);
                }
            }
        }
        for (Title t : r.titles()) {
            if (t.type() != TitleType.MAIN && t.type() != TitleType.PARALLEL) {
                text(out, DCTERMS, "dcterms", "alternative", t.value(), lang(t.lang()), null);
            }
        }
        for (Agent a : r.agents()) {
            boolean contributor = a.role() == Role.CONTRIBUTOR || a.role() == Role.EDITOR || a.role() == Role.TRANSLATOR;
            String el = contributor ? "contributor" : "creator";
            out.writeStartElement("jpcoar", el, JPCOAR);
            for (Identifier id : a.identifiers()) {
                out.writeStartElement("jpcoar", "nameIdentifier", JPCOAR);
                out.writeAttribute("nameIdentifierScheme", id.type().name());
                out.writeCharacters(XmlText.clean(id.value()));
                out.writeEndElement();
            }
            text(out, JPCOAR, "jpcoar", el + "Name", a.name(), "ja", null);
            if (a.reading() != null) {
                text(out, JPCOAR, "jpcoar", el + "Name", a.reading(), "ja-Kana", null);
            }
            out.writeEndElement();
        }
        AccessTier tier = r.accessTier();
        if (tier != null) {
            boolean open = tier == AccessTier.PUBLIC;
            text(out, DCTERMS, "dcterms", "accessRights", open ? "open access" : "restricted access", null,
                    open ? "http://purl.org/coar/access_right/c_abf2" : "http://purl.org/coar/access_right/c_16ec");
        }
        if (r.rights().condition() != ReuseCondition.UNKNOWN && r.rights().condition().uri() != null) {
            text(out, DC, "dc", "rights", r.rights().condition().labelEn(), "en", r.rights().condition().uri());
        } else if (r.rights().statement() != null) {
            text(out, DC, "dc", "rights", r.rights().statement(), null, null);
        }
        for (Subject s : r.subjects()) {
            out.writeStartElement("jpcoar", "subject", JPCOAR);
            out.writeAttribute("subjectScheme", scheme(s));
            if (s.uri() != null) {
                out.writeAttribute("subjectURI", s.uri());
            }
            out.writeCharacters(XmlText.clean(s.value()));
            out.writeEndElement();
        }
        for (String d : r.descriptions()) {
            out.writeStartElement("datacite", "description", DATACITE);
            out.writeAttribute("descriptionType", "Other");
            out.writeCharacters(XmlText.clean(d));
            out.writeEndElement();
        }
        for (Agent p : r.publishers()) {
            text(out, DC, "dc", "publisher", p.name(), "ja", null);
        }
        for (DateValue d : r.dates()) {
            String v = d.start() != null ? d.start().toString() : d.original();
            if (v != null) {
                out.writeStartElement("datacite", "date", DATACITE);
                out.writeAttribute("dateType", d.type() == org.kura.model.DateType.CREATED ? "Created" : "Issued");
                out.writeCharacters(XmlText.clean(v));
                out.writeEndElement();
            }
        }
        for (String l : r.languages()) {
            text(out, DC, "dc", "language", l, null, null);
        }
        String[] type = coarType(r.materialType());
        text(out, DC, "dc", "type", type[0], null, type[1]);
        for (Identifier id : r.identifiers()) {
            String t = switch (id.type()) {
                case DOI -> "DOI";
                case HANDLE -> "HDL";
                case URI -> "URI";
                case ISBN -> "ISBN";
                case NCID -> "NCID";
                default -> null;
            };
            if (t != null && id.type() != org.kura.model.IdentifierType.ISSN) {
                out.writeStartElement("jpcoar", "identifier", JPCOAR);
                out.writeAttribute("identifierType", t);
                out.writeCharacters(XmlText.clean(id.type() == org.kura.model.IdentifierType.DOI ? "https://doi.org/" + id.value() : id.value()));
                out.writeEndElement();
            }
        }
        for (Relation rel : r.relations()) {
            if (rel.type() != org.kura.model.RelationType.IS_PART_OF && rel.label() != null) {
                out.writeStartElement("jpcoar", "relation", JPCOAR);
                out.writeStartElement("jpcoar", "relatedTitle", JPCOAR);
                out.writeCharacters(XmlText.clean(rel.label()));
                out.writeEndElement();
                out.writeEndElement();
            }
        }
        for (Identifier id : r.identifiers(org.kura.model.IdentifierType.ISSN)) {
            out.writeStartElement("jpcoar", "sourceIdentifier", JPCOAR);
            out.writeAttribute("identifierType", "ISSN");
            out.writeCharacters(XmlText.clean(id.value()));
            out.writeEndElement();
        }
        for (Relation rel : r.relations()) {
            if (rel.type() == org.kura.model.RelationType.IS_PART_OF && rel.label() != null) {
                text(out, JPCOAR, "jpcoar", "sourceTitle", rel.label(), null, null);
            }
        }
        if (r.extent() != null) {
            text(out, DCTERMS, "dcterms", "extent", r.extent(), null, null);
        }
        out.writeEndElement();
    }

    private static String lang(String l) {
        return l == null || l.isBlank() ? null : l;
    }

    private static String scheme(Subject s) {
        return switch (s.scheme()) {
            case NDLSH -> "NDLSH";
            case NDC, NDC9, NDC10 -> "NDC";
            case NDLC -> "NDLC";
            case LCSH -> "LCSH";
            case LCC -> "LCC";
            case DDC -> "DDC";
            case UDC -> "UDC";
            case BSH -> "BSH";
            case MESH -> "MeSH";
            default -> "Other";
        };
    }

    /** COAR resource type label and URI (https://vocabularies.coar-repositories.org/resource_types/). */
    static String[] coarType(org.kura.model.MaterialType t) {
        return switch (t) {
            case BOOK -> new String[] {"book", "http://purl.org/coar/resource_type/c_2f33"};
            case SERIAL -> new String[] {"periodical", "http://purl.org/coar/resource_type/c_2659"};
            case ARTICLE -> new String[] {"journal article", "http://purl.org/coar/resource_type/c_6501"};
            case THESIS -> new String[] {"doctoral thesis", "http://purl.org/coar/resource_type/c_db06"};
            case REPORT -> new String[] {"report", "http://purl.org/coar/resource_type/c_93fc"};
            case CONFERENCE_PAPER -> new String[] {"conference paper", "http://purl.org/coar/resource_type/c_5794"};
            case IMAGE -> new String[] {"still image", "http://purl.org/coar/resource_type/c_ecc8"};
            case MAP -> new String[] {"cartographic material", "http://purl.org/coar/resource_type/c_12cc"};
            case MUSIC_SCORE -> new String[] {"musical notation", "http://purl.org/coar/resource_type/c_18cw"};
            case AUDIO -> new String[] {"sound", "http://purl.org/coar/resource_type/c_18cc"};
            case VIDEO -> new String[] {"video", "http://purl.org/coar/resource_type/c_12ce"};
            case DATASET -> new String[] {"dataset", "http://purl.org/coar/resource_type/c_ddb1"};
            case SOFTWARE -> new String[] {"software", "http://purl.org/coar/resource_type/c_5ce6"};
            default -> new String[] {"other", "http://purl.org/coar/resource_type/c_1843"};
        };
    }

    private static void text(XMLStreamWriter out, String ns, String prefix, String name, String value, String lang,
                             String resource) throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        out.writeStartElement(prefix, name, ns);
        if (lang != null) {
            out.writeAttribute("xml", XML, "lang", lang);
        }
        if (resource != null) {
            out.writeAttribute("rdf", RDF, "resource", resource);
        }
        out.writeCharacters(XmlText.clean(value));
        out.writeEndElement();
    }
}
