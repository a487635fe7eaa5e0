package org.kura.fulltext.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.kura.model.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** An exported EPUB read back: its ZIP entries in order, their text, their XML through Kura's safe parser. */
final class EpubFile {
    static final String OPF = "http://www.idpf.org/2007/opf";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String OPS = "http://www.idpf.org/2007/ops";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    final byte[] bytes;
    final Map<String, byte[]> entries = new LinkedHashMap<>();
    final Map<String, Integer> methods = new LinkedHashMap<>();

    EpubFile(byte[] bytes) {
        this.bytes = bytes;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
                methods.put(e.getName(), e.getMethod());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    String text(String name) {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new AssertionError("no entry " + name + " in " + names());
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    Document xml(String name) {
        try {
            return SafeXml.documentBuilder().parse(new ByteArrayInputStream(entries.get(name)));
        } catch (SAXException | IOException e) {
            throw new AssertionError(name + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The content documents (text-NNNN.xhtml) in order. */
    List<String> contentDocuments() {
        return names().stream().filter(n -> n.matches("EPUB/text-\\d{4}\\.xhtml")).toList();
    }

    static List<Element> elements(Document doc, String ns, String localName) {
        NodeList nl = doc.getElementsByTagNameNS(ns, localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** The nav element with this epub:type. */
    Element nav(String type) {
        return elements(xml("EPUB/nav.xhtml"), XHTML, "nav").stream()
                .filter(n -> type.equals(n.getAttributeNS(OPS, "type"))).findFirst().orElse(null);
    }

    /** The links of the page list, in order. */
    List<Element> pageListLinks() {
        Element pageList = nav("page-list");
        if (pageList == null) {
            return List.of();
        }
        NodeList nl = pageList.getElementsByTagNameNS(XHTML, "a");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** The package document's {@code meta} values for a property. */
    List<String> meta(String property) {
        return elements(xml(EpubExport.PACKAGE), OPF, "meta").stream()
                .filter(m -> property.equals(m.getAttribute("property"))).map(Element::getTextContent).toList();
    }
}
