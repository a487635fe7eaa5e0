package org.kura.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.kura.catalog.RecordJson;

/** JSON output of the CLI, with the catalog's mapper so that the CLI and the API print the same. */
final class Json {
    private Json() {
    }

    static String pretty(Object value) throws JsonProcessingException {
        return RecordJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    static String line(Object value) throws JsonProcessingException {
        return RecordJson.mapper().writeValueAsString(value);
    }
}
