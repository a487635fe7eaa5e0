package org.kura.model.xml;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;

/**
 * The one place where Kura makes XML parsers. Every parser it returns refuses DTDs and external
 * entities (XXE), never expands entity references (billion laughs), and bounds what it reads.
 * Use it for every XML input; never call {@code XMLInputFactory.newFactory()} elsewhere.
 */
public final class SafeXml {
    private SafeXml() {
    }

    /** A StAX factory (Woodstox when on the class path) with DTDs and external entities off. */
    public static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        trySet(f, "com.ctc.wstx.maxAttributeSize", 1 << 20);
        trySet(f, "com.ctc.wstx.maxTextLength", 64 << 20);
        trySet(f, "com.ctc.wstx.maxElementDepth", 200);
        trySet(f, "com.ctc.wstx.maxEntityCount", 1L);
        trySet(f, "com.ctc.wstx.maxEntityDepth", 1);
        return f;
    }

    /** A DOM builder with DTDs, external entities and XInclude off, namespace aware. */
    public static DocumentBuilder documentBuilder() {
        try {
            // the JDK's own factory, whatever else is on the class path (a Xerces brought by a library refuses the
            // JAXP properties below, and would decide how Kura parses)
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot configure a safe XML parser", e);
        }
    }

    private static void trySet(XMLInputFactory f, String name, Object value) {
        if (f.isPropertySupported(name)) {
            f.setProperty(name, value);
        }
    }
}
