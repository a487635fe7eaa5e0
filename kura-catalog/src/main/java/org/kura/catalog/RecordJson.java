package org.kura.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.kura.model.Record;

/**
 * The one JSON form of Kura's values (records, providers, runs): Java records as objects, java.time
 * as ISO 8601 strings, nulls and empty lists left out. The catalog stores normalized records in it,
 * and the server and CLI print it.
 */
public final class RecordJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private RecordJson() {
    }

    /** The shared, configured mapper (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Record record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new CatalogException("cannot write record " + record.id() + " as JSON", e);
        }
    }

    public static Record read(String json) {
        try {
            return MAPPER.readValue(json, Record.class);
        } catch (JsonProcessingException e) {
            throw new CatalogException("cannot read a stored record: " + e.getOriginalMessage(), e);
        }
    }
}
