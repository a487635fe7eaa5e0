package org.kura.lod.doi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.kura.model.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Reads generated XML back (through SafeXml) and answers XPath questions, for assertions. */
final class Xml {
    private final Document doc;

    Xml(String xml) throws Exception {
        doc = SafeXml.documentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Texts of the nodes the XPath selects (write element names as {@code *[local-name()='x']} or use {@link #path}). */
    List<String> all(String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newDefaultInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            out.add(n.getTextContent());
        }
        return out;
    }

    String one(String xpath) throws Exception {
        List<String> all = all(xpath);
        return all.isEmpty() ? null : all.get(0);
    }

    /** {@code a/b/@c} → namespace-blind XPath {@code /*[local-name()='a']/*[local-name()='b']/@c}. */
    static String path(String simple) {
        StringBuilder b = new StringBuilder();
        for (String step : simple.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            int pred = step.indexOf('[');
            String name = pred < 0 ? step : step.substring(0, pred);
            String rest = pred < 0 ? "" : step.substring(pred);
            b.append(name.startsWith("@") || name.equals("*") ? "/" + name : "/*[local-name()='" + name + "']").append(rest);
        }
        return b.toString();
    }

    List<String> at(String simple) throws Exception {
        return all(path(simple));
    }
}
