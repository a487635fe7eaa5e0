package org.kura.server.lod;

import java.io.OutputStream;
import java.util.List;
import org.kura.catalog.StoredRecord;
import org.kura.lod.DcNdlMapper;
import org.kura.lod.RdfFormat;
import org.kura.server.RecordFormat;

/** A record's DC-NDL description in one RDF serialization, for {@code /api/records/{id}.rdf|.ttl|.nt|.jsonld}. */
public final class RdfRecordFormat implements RecordFormat {
    private final DcNdlMapper mapper;
    private final RdfFormat format;

    public RdfRecordFormat(DcNdlMapper mapper, RdfFormat format) {
        this.mapper = mapper;
        this.format = format;
    }

    /** All four: RDF/XML, Turtle, N-Triples, JSON-LD. */
    public static List<RecordFormat> all(DcNdlMapper mapper) {
        return java.util.Arrays.stream(RdfFormat.values()).map(f -> (RecordFormat) new RdfRecordFormat(mapper, f)).toList();
    }

    @Override
    public String suffix() {
        return format.suffix();
    }

    @Override
    public String mediaType() {
        return format.mediaType();
    }

    @Override
    public List<String> aliases() {
        return format == RdfFormat.N_TRIPLES ? List.of("text/plain") : List.of();
    }

    @Override
    public void write(StoredRecord record, OutputStream out) {
        format.write(mapper.toModel(record.normalized()), out);
    }
}
