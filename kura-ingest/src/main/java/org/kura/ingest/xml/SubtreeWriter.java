package org.kura.ingest.xml;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Copies the element a streaming reader stands on, with everything inside it, into a standalone
 * well-formed UTF-8 document (namespaces declared where needed). How one record is cut out of an
 * OAI-PMH page or a bulk file without building a DOM of the whole.
 */
public final class SubtreeWriter {
    private final XMLOutputFactory outputs;
    private final long maxBytes;

    public SubtreeWriter(long maxBytes) {
        this.maxBytes = maxBytes;
        this.outputs = XMLOutputFactory.newFactory();
        this.outputs.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
    }

    /** The result: the bytes, or a problem (too large, entity reference) with the bytes left empty. */
    public record Copy(byte[] bytes, String problem) {
    }

    /**
     * Copies the element at the reader's START_ELEMENT; on return the reader is on its END_ELEMENT.
     * With {@code wrapper} non-null, the copy is wrapped in that element (prefix, local name, namespace).
     */
    public Copy copy(XMLStreamReader r, String[] wrapper) throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        XMLStreamWriter w = outputs.createXMLStreamWriter(out, "UTF-8");
        if (wrapper != null) {
            w.writeStartElement(wrapper[0], wrapper[1], wrapper[2]);
            w.writeNamespace(wrapper[0], wrapper[2]);
        }
        String problem = null;
        int depth = 0;
        int event = r.getEventType();
        while (true) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    startElement(r, w);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    w.writeEndElement();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        w.writeCharacters(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                case XMLStreamConstants.ENTITY_REFERENCE -> problem = "uses the undeclared entity &" + r.getLocalName() + ";";
                default -> {
                    // comments and processing instructions are not part of a record
                }
            }
            if (out.size() > maxBytes) {
                skip(r, depth);
                return new Copy(new byte[0], "record larger than the limit of " + maxBytes + " bytes");
            }
            if (depth == 0) {
                break;
            }
            event = r.next();
        }
        if (wrapper != null) {
            w.writeEndElement();
        }
        w.flush();
        return new Copy(out.toByteArray(), problem);
    }

    private static void startElement(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
        String prefix = r.getPrefix() == null ? "" : r.getPrefix();
        String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        w.writeStartElement(prefix, r.getLocalName(), ns);
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = r.getNamespacePrefix(i);
            if (p == null || p.isEmpty()) {
                w.writeDefaultNamespace(r.getNamespaceURI(i));
            } else {
                w.writeNamespace(p, r.getNamespaceURI(i));
            }
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ans = r.getAttributeNamespace(i);
            if (ans == null || ans.isEmpty()) {
                w.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
            } else {
                String ap = r.getAttributePrefix(i);
                w.writeAttribute(ap == null ? "" : ap, ans, r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
        }
    }

    /** Skips to the end of an element of which {@code depth} levels are open. */
    public static void skip(XMLStreamReader r, int depth) throws XMLStreamException {
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
