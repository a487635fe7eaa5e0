package org.kura.server.oai;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kura.catalog.StoredRecord;
import org.kura.server.RecordFormat;

/** A {@link MetadataFormat} offered as a standalone XML document by {@code /api/records/{id}.suffix}. */
public final class XmlRecordFormat implements RecordFormat {
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
    private final MetadataFormat format;
    private final String suffix;
    private final String mediaType;
    private final List<String> aliases;

    public XmlRecordFormat(MetadataFormat format, String suffix, String mediaType, List<String> aliases) {
        this.format = format;
        this.suffix = suffix;
        this.mediaType = mediaType;
        this.aliases = List.copyOf(aliases);
    }

    /** oai_dc as {@code .xml} (also for {@code application/xml} and {@code text/xml}). */
    public static XmlRecordFormat oaiDc() {
        return new XmlRecordFormat(new OaiDcFormat(), "xml", "application/xml", List.of("text/xml"));
    }

    /** JPCOAR 2.0 as {@code .jpcoar}. */
    public static XmlRecordFormat jpcoar() {
        return new XmlRecordFormat(new JpcoarFormat(), "jpcoar", "application/vnd.jpcoar+xml", List.of());
    }

    @Override
    public String suffix() {
        return suffix;
    }

    @Override
    public String mediaType() {
        return mediaType;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public void write(StoredRecord record, OutputStream out) throws IOException {
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            format.write(w, record);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + format.prefix() + ": " + e.getMessage(), e);
        }
    }
}
