package org.kura.ingest.crosswalk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import org.kura.model.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Parses one record's bytes into a DOM with the hardened parser (one builder per thread, reused)
 * and walks it by namespace and local name.
 */
final class XmlDocuments {
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

    private final ThreadLocal<DocumentBuilder> builders = ThreadLocal.withInitial(SafeXml::documentBuilder);

    Element parse(byte[] bytes) throws CrosswalkException {
        if (bytes.length == 0) {
            throw new CrosswalkException("empty metadata");
        }
        DocumentBuilder b = builders.get();
        b.reset();
        b.setErrorHandler(null);
        try {
            Document d = b.parse(new ByteArrayInputStream(bytes));
            return d.getDocumentElement();
        } catch (SAXException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE")) {
                throw new CrosswalkException("DTDs are not accepted in records (DOCTYPE refused)", e);
            }
            throw new CrosswalkException("malformed XML: " + m, e);
        } catch (IOException e) {
            throw new CrosswalkException("cannot read the record: " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && (ns == null || ns.equals(e.getNamespaceURI()))) {
                out.add(e);
            }
        }
        return out;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    static Element first(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && (ns == null || ns.equals(e.getNamespaceURI()))) {
                return e;
            }
        }
        return null;
    }

    /** Trimmed text content, or null when empty. */
    static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    static String lang(Element e) {
        String l = e.getAttributeNS(XML_NS, "lang");
        return l == null || l.isEmpty() ? null : l;
    }

    static String attr(Element e, String ns, String local) {
        String v = ns == null ? e.getAttribute(local) : e.getAttributeNS(ns, local);
        return v == null || v.isEmpty() ? null : v.strip();
    }
}
