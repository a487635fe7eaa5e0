package org.kura.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kura.model.RawRecord;

/**
 * CSV or TSV with a header row: each row becomes a JSON object of Kura field names (the raw record
 * of format {@code csv}) through a {@link ColumnMapping}. A row without an id, or one that breaks the
 * quoting, is reported and reading goes on where the parser can.
 */
final class CsvSource implements RecordSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CSVParser parser;
    private final Iterator<CSVRecord> rows;
    private final ColumnMapping mapping;
    private final String providerId;
    private final String fileName;
    private boolean done;

    CsvSource(Reader reader, boolean tab, String fileName, String providerId, ColumnMapping mappingOrNull)
            throws IOException {
        CSVFormat format = (tab ? CSVFormat.TDF : CSVFormat.RFC4180).builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(true).get();
        this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        this.rows = parser.iterator();
        this.mapping = mappingOrNull != null ? mappingOrNull : ColumnMapping.fromHeaders(parser.getHeaderNames());
        for (ColumnMapping.Column c : mapping.columns().values()) {
            if (!parser.getHeaderMap().containsKey(c.header())) {
                throw new IllegalArgumentException(fileName + ": no column '" + c.header() + "'; columns: "
                        + parser.getHeaderNames());
            }
        }
        this.providerId = providerId;
        this.fileName = fileName;
    }

    @Override
    public Iterator<SourceItem> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (done) {
                    return false;
                }
                try {
                    return rows.hasNext();
                } catch (RuntimeException e) {
                    return true; // reported by next()
                }
            }

            @Override
            public SourceItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord row;
                try {
                    row = rows.next();
                } catch (RuntimeException e) {
                    done = true;
                    return new SourceItem.Unreadable(null, new byte[0], fileName + ": unreadable CSV after line "
                            + parser.getCurrentLineNumber() + ": " + e.getMessage());
                }
                return toItem(row);
            }
        };
    }

    private SourceItem toItem(CSVRecord row) {
        ObjectNode json = JSON.createObjectNode();
        for (Map.Entry<String, ColumnMapping.Column> e : mapping.columns().entrySet()) {
            String cell = row.isMapped(e.getValue().header()) && row.isSet(e.getValue().header())
                    ? row.get(e.getValue().header()) : "";
            if (cell == null || cell.isBlank()) {
                continue;
            }
            List<String> values = ColumnMapping.split(cell, e.getValue().separator());
            if (values.size() == 1) {
                json.put(e.getKey(), values.get(0));
            } else {
                ArrayNode a = json.putArray(e.getKey());
                values.forEach(a::add);
            }
        }
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        String id = json.path("id").asText("");
        if (id.isBlank()) {
            return new SourceItem.Unreadable(null, bytes, fileName + ": row at line " + row.getRecordNumber() + " has no id");
        }
        return new SourceItem.Read(new RawRecord(providerId, id, "csv", null, false, null, bytes));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
