package org.kura.lod;

import java.io.OutputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.kura.model.Record;

/**
 * Writes records as N-Triples one at a time to a stream (for bulk dumps): nothing but the current
 * record is held in memory. Blank nodes get labels unique across the whole dump.
 */
public final class NTriplesDump implements AutoCloseable {
    private final StreamRDF stream;
    private final DcNdlMapper mapper;
    private long triples;

    public NTriplesDump(OutputStream out, UriScheme uris) {
        this.stream = StreamRDFWriter.getWriterStream(out, org.apache.jena.riot.RDFFormat.NTRIPLES_UTF8);
        this.mapper = new DcNdlMapper(uris);
        stream.start();
    }

    public void write(Record r) {
        Model m = ModelFactory.createDefaultModel();
        mapper.add(m, r);
        triples += m.size();
        StreamRDFOps.sendGraphToStream(m.getGraph(), stream);
    }

    public long triples() {
        return triples;
    }

    @Override
    public void close() {
        stream.finish();
    }
}
