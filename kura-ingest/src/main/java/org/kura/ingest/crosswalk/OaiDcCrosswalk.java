package org.kura.ingest.crosswalk;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
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
import org.kura.model.xml.SafeXml;

/**
 * Simple Dublin Core ({@code oai_dc}, http://www.openarchives.org/OAI/2.0/oai_dc/) into the common
 * model: all fifteen elements, types onto {@link MaterialType}, identifiers recognized by their
 * form, rights onto the reuse-condition vocabulary, coordinates in {@code dc:coverage} as geo locations
 * (other coverage stays a keyword). Read with a streaming parser (one pass).
 */
public final class OaiDcCrosswalk implements Crosswalk {
    static final String DC = "http://purl.org/dc/elements/1.1/";
    private final XMLInputFactory factory = SafeXml.inputFactory();

    @Override
    public String format() {
        return "oai_dc";
    }

    @Override
    public Record apply(RawRecord raw) throws CrosswalkException {
        Record.Builder b = Record.builder(raw.identifier(), raw.providerId());
        MaterialType type = null;
        boolean sawRoot = false;
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(raw.bytes()));
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new CrosswalkException("DTDs and entity references are not accepted in records");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!sawRoot) {
                    sawRoot = true;
                    if (!"dc".equals(r.getLocalName())) {
                        throw new CrosswalkException("not an oai_dc record: root element " + r.getName());
                    }
                    continue;
                }
                if (!DC.equals(r.getNamespaceURI())) {
                    b.warning("ignored element " + r.getName());
                    skip(r);
                    continue;
                }
                String lang = r.getAttributeValue(XMLConstantsXml.NS, "lang");
                String element = r.getLocalName();
                String text = r.getElementText().strip();
                if (text.isEmpty()) {
                    continue;
                }
                switch (element) {
                    case "title" -> b.title(new Title(text, null, b.hasTitle() ? TitleType.ALTERNATIVE : TitleType.MAIN, lang));
                    case "creator" -> b.agent(Agent.of(text, Role.CREATOR));
                    case "contributor" -> b.agent(Agent.of(text, Role.CONTRIBUTOR));
                    case "publisher" -> b.publisher(Agent.of(text, Role.PUBLISHER));
                    case "subject" -> b.subject(subject(text));
                    case "description" -> b.description(text);
                    case "date" -> b.date(DateValue.parse(text, DateType.ISSUED));
                    case "type" -> {
                        MaterialType t = MaterialTypes.of(text).orElse(null);
                        if (type == null || type == MaterialType.BOOK && t != null && t != MaterialType.BOOK) {
                            type = t; // "text" says little; a later, more specific type wins
                        }
                    }
                    case "format" -> {
                        if (text.matches("(?i).*\\d+\\s*(p|pages|ページ|頁|枚|cm|mm)\\b.*|.*\\d+\\s*(p|ページ|頁|枚)")) {
                            b.extent(text);
                        }
                    }
                    case "identifier" -> identifier(b, text);
                    case "source" -> b.relation(new Relation(RelationType.IS_PART_OF, text, null, null));
                    case "language" -> b.language(text.toLowerCase(Locale.ROOT));
                    case "relation" -> relation(b, text);
                    case "coverage" -> GeoLocations.coverage(text, b);
                    case "rights" -> b.rights(Rights.fromStatement(text));
                    default -> b.warning("unknown Dublin Core element " + element);
                }
            }
        } catch (XMLStreamException e) {
            throw new CrosswalkException("malformed XML: " + e.getMessage().lines().findFirst().orElse(""), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // in-memory
                }
            }
        }
        if (!sawRoot) {
            throw new CrosswalkException("empty oai_dc record");
        }
        if (!b.hasTitle()) {
            throw new CrosswalkException("oai_dc record without dc:title");
        }
        b.materialType(type == null ? MaterialType.OTHER : type);
        return b.build();
    }

    static Subject subject(String text) {
        String t = text.strip();
        if (t.matches("(?i)ndc\\d*\\s*[:：]?\\s*\\d{1,3}(\\.\\d+)?")) {
            return new Subject(t.replaceAll("(?i)ndc\\d*\\s*[:：]?\\s*", ""), SubjectScheme.NDC, null);
        }
        return new Subject(t, SubjectScheme.KEYWORD, null);
    }

    private static void identifier(Record.Builder b, String text) {
        Identifier id = Identifiers.detect(text).orElse(new Identifier(IdentifierType.OTHER, text, text, true));
        b.identifier(id);
        if (id.type() == IdentifierType.URI) {
            b.link(new Link(text, LinkKind.LANDING_PAGE, null));
        } else if (id.type() == IdentifierType.DOI && id.valid()) {
            b.link(new Link("https://doi.org/" + id.value(), LinkKind.LANDING_PAGE, null));
        }
    }

    private static void relation(Record.Builder b, String text) {
        Identifier id = Identifiers.detect(text).orElse(null);
        b.relation(new Relation(RelationType.RELATED, id == null ? text : null, id, null));
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The XML namespace (for xml:lang). */
    static final class XMLConstantsXml {
        static final String NS = "http://www.w3.org/XML/1998/namespace";

        private XMLConstantsXml() {
        }
    }
}
