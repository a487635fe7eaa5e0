package org.kura.lod.doi;

import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.kura.model.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A small builder of one XML document in one namespace (or none), written indented as UTF-8 text. Text is
 * cleaned of characters XML 1.0 cannot carry, so that no catalog value can break the document.
 */
final class XmlTree {
    static final String XML_NS = XMLConstants.XML_NS_URI;

    private final Document doc;
    private final String ns;

    XmlTree(String namespace, String rootName) {
        doc = SafeXml.documentBuilder().getDOMImplementation().createDocument(namespace, rootName, null);
        this.ns = namespace;
    }

    Element root() {
        return doc.getDocumentElement();
    }

    /** A child element, with text when {@code text} is not null. */
    Element add(Element parent, String name, String text) {
        Element e = ns == null ? doc.createElement(name) : doc.createElementNS(ns, name);
        if (text != null) {
            e.setTextContent(clean(text));
        }
        parent.appendChild(e);
        return e;
    }

    Element add(Element parent, String name) {
        return add(parent, name, null);
    }

    /** Sets an attribute when the value is not null or blank. */
    static Element attr(Element e, String name, String value) {
        if (value != null && !value.isBlank()) {
            e.setAttribute(name, clean(value));
        }
        return e;
    }

    static Element lang(Element e, String lang) {
        if (lang != null && !lang.isBlank()) {
            e.setAttributeNS(XML_NS, "xml:lang", clean(lang));
        }
        return e;
    }

    /** The text without characters XML 1.0 forbids, trimmed. */
    static String clean(String s) {
        return org.kura.model.xml.XmlText.clean(s).strip();
    }

    String write() {
        try {
            TransformerFactory f = TransformerFactory.newDefaultInstance();
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = f.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            doc.setXmlStandalone(true);
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            String xml = out.toString();
            int decl = xml.indexOf("?>");
            return decl > 0 && decl + 2 < xml.length() && xml.charAt(decl + 2) == '<'
                    ? xml.substring(0, decl + 2) + "\n" + xml.substring(decl + 2) : xml;
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write XML", e);
        }
    }
}
