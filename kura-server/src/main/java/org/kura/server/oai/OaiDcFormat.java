package org.kura.server.oai;

import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kura.catalog.StoredRecord;
import org.kura.model.Agent;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.xml.XmlText;

/**
 * Simple Dublin Core: the lowest common denominator every OAI-PMH harvester understands. Written so
 * that Kura's own oai_dc crosswalk reads it back into the same titles, names, dates, types and
 * identifiers (tested by harvesting Kura with Kura).
 */
public final class OaiDcFormat implements MetadataFormat {
    static final String OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    @Override
    public String prefix() {
        return "oai_dc";
    }

    @Override
    public String schema() {
        return "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    }

    @Override
    public String namespace() {
        return OAI_DC;
    }

    @Override
    public void write(XMLStreamWriter out, StoredRecord stored) throws XMLStreamException {
        out.writeStartElement("oai_dc", "dc", OAI_DC);
        out.writeNamespace("oai_dc", OAI_DC);
        out.writeNamespace("dc", DC);
        out.writeNamespace("xsi", XSI);
        out.writeAttribute("xsi", XSI, "schemaLocation", OAI_DC + " " + schema());
        writeElements(out, stored.normalized());
        out.writeEndElement();
    }

    /** The Dublin Core elements of a record (the {@code dc} namespace must be declared by the caller's root). */
    public static void writeElements(XMLStreamWriter out, Record r) throws XMLStreamException {
        for (Title t : r.titles()) {
            element(out, "title", t.value(), t.lang());
        }
        for (Agent a : r.agents()) {
            element(out, a.role() == Role.CONTRIBUTOR || a.role() == Role.EDITOR || a.role() == Role.TRANSLATOR
                    || a.role() == Role.ILLUSTRATOR ? "contributor" : "creator", a.name(), null);
        }
        for (Subject s : r.subjects()) {
            boolean ndc = s.scheme() == SubjectScheme.NDC || s.scheme() == SubjectScheme.NDC9 || s.scheme() == SubjectScheme.NDC10;
            element(out, "subject", ndc ? "NDC:" + s.value() : s.value(), null);
        }
        for (String d : r.descriptions()) {
            element(out, "description", d, null);
        }
        for (Agent p : r.publishers()) {
            element(out, "publisher", p.name(), null);
        }
        for (DateValue d : r.dates()) {
            element(out, "date", d.original() != null ? d.original() : d.start() == null ? null : d.start().toString(), null);
        }
        element(out, "type", typeWord(r.materialType()), null);
        if (r.extent() != null) {
            element(out, "format", r.extent(), null);
        }
        for (Identifier id : r.identifiers()) {
            element(out, "identifier", identifier(id), null);
        }
        for (Link l : r.links()) {
            if (l.kind() == LinkKind.LANDING_PAGE && r.identifiers().stream().noneMatch(i -> l.url().equals(i.value()))) {
                element(out, "identifier", l.url(), null);
            }
        }
        for (String lang : r.languages()) {
            element(out, "language", lang, null);
        }
        for (org.kura.model.Relation rel : r.relations()) {
            String text = rel.identifier() != null ? identifier(rel.identifier()) : rel.label();
            element(out, rel.type() == org.kura.model.RelationType.IS_PART_OF ? "source" : "relation", text, null);
        }
        if (r.rights().condition() != ReuseCondition.UNKNOWN && r.rights().condition().uri() != null) {
            element(out, "rights", r.rights().condition().uri(), null);
        } else if (r.rights().statement() != null) {
            element(out, "rights", r.rights().statement(), null);
        }
    }

    /** A type word harvesters know (DCMI Type, COAR labels) for each material type. */
    static String typeWord(org.kura.model.MaterialType t) {
        return switch (t) {
            case BOOK -> "book";
            case SERIAL -> "serial";
            case ARTICLE -> "article";
            case THESIS -> "thesis or dissertation";
            case REPORT -> "report";
            case CONFERENCE_PAPER -> "conference paper";
            case IMAGE -> "still image";
            case ART_OBJECT -> "PhysicalObject";
            case MAP -> "cartographic material";
            case MUSIC_SCORE -> "musical notation";
            case AUDIO -> "sound";
            case VIDEO -> "moving image";
            case WEBSITE -> "website";
            case DATASET -> "dataset";
            case SOFTWARE -> "software";
            default -> t.labelEn().toLowerCase(Locale.ROOT);
        };
    }

    /** The identifier in the form that names its scheme, e.g. {@code ISBN:9784003101018}, {@code info:doi/10…}. */
    static String identifier(Identifier id) {
        return switch (id.type()) {
            case ISBN -> "ISBN:" + id.value();
            case ISSN -> "ISSN:" + id.value();
            case DOI -> "info:doi/" + id.value();
            case URI, OTHER -> id.value();
            default -> id.type().name() + ":" + id.value();
        };
    }

    private static void element(XMLStreamWriter out, String name, String text, String lang) throws XMLStreamException {
        if (text == null || text.isBlank()) {
            return;
        }
        out.writeStartElement("dc", name, DC);
        if (lang != null && !lang.isBlank()) {
            out.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", lang);
        }
        out.writeCharacters(XmlText.clean(text));
        out.writeEndElement();
    }
}
