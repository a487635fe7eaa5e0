package org.kura.ingest.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which CSV/TSV column feeds which Kura field, and how repeated values inside a cell are separated.
 * Written as {@code field=Column[|separator],…}, e.g.
 * {@code id=ID,title=タイトル,creator=著者|;,date=出版年,isbn=ISBN}. Without a mapping, columns whose
 * header is a Kura field name are taken as they are.
 */
public final class ColumnMapping {
    public static final Set<String> FIELDS = Set.of(org.kura.ingest.crosswalk.CsvCrosswalk.FIELDS.split(",\\s*"));

    /** One field's source column and value separator (null: one value per cell). */
    public record Column(String header, String separator) {
    }

    private final Map<String, Column> byField;

    private ColumnMapping(Map<String, Column> byField) {
        this.byField = Map.copyOf(byField);
    }

    public static ColumnMapping parse(String spec) {
        Map<String, Column> m = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("column mapping entry '" + part + "' is not field=Column");
            }
            String field = part.substring(0, eq).strip();
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "' in column mapping; fields: "
                        + org.kura.ingest.crosswalk.CsvCrosswalk.FIELDS);
            }
            String rest = part.substring(eq + 1);
            int bar = rest.indexOf('|');
            m.put(field, new Column(bar < 0 ? rest.strip() : rest.substring(0, bar).strip(),
                    bar < 0 ? null : rest.substring(bar + 1)));
        }
        if (!m.containsKey("id")) {
            throw new IllegalArgumentException("the column mapping must name the id column (id=…)");
        }
        return new ColumnMapping(m);
    }

    /** The identity mapping over the headers that are Kura field names. */
    public static ColumnMapping fromHeaders(List<String> headers) {
        Map<String, Column> m = new LinkedHashMap<>();
        for (String h : headers) {
            String f = h.strip().toLowerCase(java.util.Locale.ROOT);
            if (FIELDS.contains(f)) {
                m.put(f, new Column(h, null));
            }
        }
        if (!m.containsKey("id")) {
            throw new IllegalArgumentException("no 'id' column; give a mapping with --mapping id=…,title=…");
        }
        return new ColumnMapping(m);
    }

    public Map<String, Column> columns() {
        return byField;
    }

    static List<String> split(String cell, String separator) {
        if (separator == null) {
            return List.of(cell);
        }
        return java.util.Arrays.stream(cell.split(Pattern.quote(separator))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
