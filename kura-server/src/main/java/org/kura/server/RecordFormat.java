package org.kura.server;

import java.io.IOException;
import java.io.OutputStream;
import org.kura.catalog.StoredRecord;

/**
 * One representation of a record that {@code /api/records/{id}} can answer with, chosen by a suffix
 * ({@code .ttl}) or by the {@code Accept} header: JSON (built in), oai_dc and JPCOAR XML, DC-NDL
 * RDF/XML, Turtle, N-Triples, JSON-LD.
 */
public interface RecordFormat {
    /** The file suffix without the dot, e.g. {@code ttl}. */
    String suffix();

    /** The media type answered, e.g. {@code text/turtle}. */
    String mediaType();

    /** Other media types a client may ask for this by (e.g. {@code application/xml}). */
    default java.util.List<String> aliases() {
        return java.util.List.of();
    }

    void write(StoredRecord record, OutputStream out) throws IOException;
}
