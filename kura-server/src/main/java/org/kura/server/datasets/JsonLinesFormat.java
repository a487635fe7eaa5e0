package org.kura.server.datasets;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import org.kura.catalog.RecordJson;
import org.kura.catalog.StoredRecord;
import org.kura.model.ReuseCondition;

/** JSON Lines: one object per record with the common model, or {@code "deleted": true} for a tombstone. */
public final class JsonLinesFormat implements DumpFormat {
    private final ObjectMapper mapper = RecordJson.mapper().copy().disable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public String mediaType() {
        return "application/x-ndjson";
    }

    @Override
    public Writer open(OutputStream out) throws IOException {
        JsonGenerator g = mapper.getFactory().createGenerator(out);
        g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        return new Writer() {
            private boolean any;

            @Override
            public boolean write(StoredRecord r, ReuseCondition licence) throws IOException {
                any = true;
                g.writeStartObject();
                g.writeStringField("id", r.identifier());
                g.writeStringField("provider", r.providerId());
                g.writeNumberField("version", r.version());
                g.writeStringField("updated", r.updatedAt().toString());
                if (r.deleted() || r.normalized() == null) {
                    g.writeBooleanField("deleted", true);
                } else {
                    g.writeStringField("metadataLicence", licence.uri());
                    g.writeFieldName("record");
                    mapper.writeValue(g, r.normalized());
                }
                g.writeEndObject();
                return true;
            }

            @Override
            public void close() throws IOException {
                if (any) {
                    g.writeRaw('\n');
                }
                g.flush();
            }
        };
    }
}
