package org.kura.server.lod;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.events.Attribute;
import javax.xml.stream.events.Namespace;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.kura.catalog.StoredRecord;
import org.kura.lod.DcNdlMapper;
import org.kura.lod.RdfFormat;
import org.kura.server.oai.MetadataFormat;

/** DC-NDL RDF/XML ({@code dcndl}) for the OAI-PMH provider and SRU: the RDF/XML document copied into the response. */
public final class DcNdlOaiFormat implements MetadataFormat {
    private static final XMLInputFactory IN = org.kura.model.xml.SafeXml.inputFactory();
    private final DcNdlMapper mapper;

    public DcNdlOaiFormat(DcNdlMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String prefix() {
        return "dcndl";
    }

    @Override
    public String schema() {
        return "http://ndl.go.jp/dcndl/dcndl.xsd";
    }

    @Override
    public String namespace() {
        return "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    }

    @Override
    public void write(XMLStreamWriter out, StoredRecord record) throws XMLStreamException {
        ByteArrayOutputStream xml = new ByteArrayOutputStream();
        RdfFormat.RDF_XML.write(mapper.toModel(record.normalized()), xml);
        XMLEventReader r = IN.createXMLEventReader(new ByteArrayInputStream(xml.toByteArray()));
        while (r.hasNext()) {
            XMLEvent e = r.nextEvent();
            switch (e.getEventType()) {
                case XMLEvent.START_ELEMENT -> {
                    StartElement s = e.asStartElement();
                    out.writeStartElement(s.getName().getPrefix(), s.getName().getLocalPart(), s.getName().getNamespaceURI());
                    for (var it = s.getNamespaces(); it.hasNext(); ) {
                        Namespace n = it.next();
                        if (n.getPrefix() == null || n.getPrefix().isEmpty()) {
                            out.writeDefaultNamespace(n.getNamespaceURI());
                        } else {
                            out.writeNamespace(n.getPrefix(), n.getNamespaceURI());
                        }
                    }
                    for (var it = s.getAttributes(); it.hasNext(); ) {
                        Attribute a = it.next();
                        if (a.getName().getNamespaceURI() == null || a.getName().getNamespaceURI().isEmpty()) {
                            out.writeAttribute(a.getName().getLocalPart(), a.getValue());
                        } else {
                            out.writeAttribute(a.getName().getPrefix(), a.getName().getNamespaceURI(), a.getName().getLocalPart(),
                                    a.getValue());
                        }
                    }
                }
                case XMLEvent.END_ELEMENT -> out.writeEndElement();
                case XMLEvent.CHARACTERS, XMLEvent.SPACE -> out.writeCharacters(e.asCharacters().getData());
                default -> { }
            }
        }
    }
}
