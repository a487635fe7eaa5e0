package org.kura.server.oai;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kura.catalog.StoredRecord;

/** One metadata format the OAI-PMH provider (and SRU) can disseminate a catalog record in. */
public interface MetadataFormat {

    /** The metadataPrefix, e.g. {@code oai_dc}. */
    String prefix();

    /** The XML Schema location. */
    String schema();

    /** The namespace of the root element. */
    String namespace();

    /** Writes the record's metadata as one element (with its namespace declarations) at the writer's position. */
    void write(XMLStreamWriter out, StoredRecord record) throws XMLStreamException;
}
