package org.kura.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.kura.catalog.RecordJson;

/**
 * JSON documents whose shape a specification or an API contract fixes (IIIF Content Search and
 * collections, Auth 2.0 probes, full-text results, usage): the records' mapper, but empty lists and
 * maps are written ({@code "items": []} is required by IIIF; {@code "results": []} is what a client
 * expects), only nulls are left out. {@code ctx.json} keeps the records' NON_EMPTY form.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = RecordJson.mapper().copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ApiJson() {
    }

    public static void send(Context ctx, String mediaType, Object document) {
        try {
            ctx.contentType(mediaType).result(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String write(Object document) {
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
