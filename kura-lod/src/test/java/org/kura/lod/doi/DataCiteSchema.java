package org.kura.lod.doi;

import java.io.InputStream;
import java.io.StringReader;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;

/**
 * The published DataCite Metadata Schema 4.5 XSD, compiled offline: {@code metadata.xsd} and its includes come
 * from the test-scoped {@code org.mycore:mycore-pi} jar ({@code xsd/datacite/v4.5/}), which ships DataCite's files
 * unchanged; their {@code http://schema.datacite.org/...} locations are resolved to those resources and the XML
 * namespace schema to a local one, so that nothing is fetched from the network (external access is switched off).
 */
final class DataCiteSchema {
    private static final String BASE = "http://schema.datacite.org/meta/kernel-4.5/";
    private static final Map<String, String> LOCAL = Map.of("http://www.w3.org/2009/01/xml.xsd", "/xsd/xml-namespace.xsd");

    private DataCiteSchema() {
    }

    static Schema load() throws Exception {
        SchemaFactory f = SchemaFactory.newDefaultInstance();
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setResourceResolver(resolver());
        InputStream main = resource("/xsd/datacite/v4.5/metadata.xsd");
        return f.newSchema(new StreamSource(main, BASE + "metadata.xsd"));
    }

    /** Validates; throws {@link org.xml.sax.SAXException} with the first violation. */
    static void validate(String xml) throws Exception {
        load().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static LSResourceResolver resolver() {
        return (type, namespace, publicId, systemId, baseUri) -> {
            String path = LOCAL.get(systemId);
            if (path == null && systemId != null && systemId.startsWith(BASE + "include/")) {
                // kernel-4.5/include/datacite-titleType-v4.xsd is shipped as v4.5/datacite-titleType-v4.5.xsd
                path = "/xsd/datacite/v4.5/" + systemId.substring((BASE + "include/").length()).replace("-v4.xsd", "-v4.5.xsd");
            }
            if (path == null) {
                throw new IllegalStateException("the DataCite schema asks for " + systemId + ", which is not available offline");
            }
            return input(resource(path), systemId, publicId);
        };
    }

    private static InputStream resource(String path) {
        InputStream in = DataCiteSchema.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing " + path + " on the test class path (org.mycore:mycore-pi)");
        }
        return in;
    }

    private static LSInput input(InputStream in, String systemId, String publicId) {
        return new LSInput() {
            public java.io.Reader getCharacterStream() { return null; }
            public void setCharacterStream(java.io.Reader r) { }
            public InputStream getByteStream() { return in; }
            public void setByteStream(InputStream s) { }
            public String getStringData() { return null; }
            public void setStringData(String s) { }
            public String getSystemId() { return systemId; }
            public void setSystemId(String s) { }
            public String getPublicId() { return publicId; }
            public void setPublicId(String s) { }
            public String getBaseURI() { return null; }
            public void setBaseURI(String s) { }
            public String getEncoding() { return null; }
            public void setEncoding(String s) { }
            public boolean getCertifiedText() { return false; }
            public void setCertifiedText(boolean b) { }
        };
    }
}
