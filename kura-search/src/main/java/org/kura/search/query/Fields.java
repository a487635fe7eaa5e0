package org.kura.search.query;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The searchable field names of Kura's query syntax and the CQL indexes that map onto them. */
public final class Fields {
    public static final Map<String, String> KURA = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("creator", "creator"), Map.entry("author", "creator"),
            Map.entry("subject", "subject"), Map.entry("publisher", "publisher"), Map.entry("isbn", "isbn"),
            Map.entry("issn", "issn"), Map.entry("doi", "doi"), Map.entry("ncid", "ncid"), Map.entry("jpno", "jpno"),
            Map.entry("ndc", "ndc"), Map.entry("year", "year"), Map.entry("provider", "provider"),
            Map.entry("type", "type"), Map.entry("language", "language"));

    private static final Map<String, String> CQL = Map.ofEntries(
            Map.entry("dc.title", "title"), Map.entry("title", "title"), Map.entry("dc.creator", "creator"),
            Map.entry("creator", "creator"), Map.entry("author", "creator"), Map.entry("dc.subject", "subject"),
            Map.entry("subject", "subject"), Map.entry("dc.publisher", "publisher"), Map.entry("publisher", "publisher"),
            Map.entry("bath.isbn", "isbn"), Map.entry("isbn", "isbn"), Map.entry("bath.issn", "issn"),
            Map.entry("issn", "issn"), Map.entry("doi", "doi"), Map.entry("ncid", "ncid"), Map.entry("jpno", "jpno"),
            Map.entry("ndc", "ndc"), Map.entry("dc.date", "year"), Map.entry("date", "year"), Map.entry("year", "year"),
            Map.entry("dc.type", "type"), Map.entry("dc.language", "language"), Map.entry("language", "language"),
            Map.entry("provider", "provider"), Map.entry("cql.anywhere", ""), Map.entry("cql.serverchoice", ""),
            Map.entry("cql.keywords", ""), Map.entry("anywhere", ""), Map.entry("dc.anywhere", ""));

    private Fields() {
    }

    public static Optional<String> kura(String name) {
        return Optional.ofNullable(KURA.get(name.toLowerCase(Locale.ROOT)));
    }

    /** Every CQL index understood, in order (for SRU explain). */
    public static java.util.SortedSet<String> cqlIndexes() {
        return new java.util.TreeSet<>(CQL.keySet());
    }

    /** The Kura field of a CQL index; "" for anywhere; empty for an unsupported index. */
    public static Optional<String> cql(String index) {
        return Optional.ofNullable(CQL.get(index.toLowerCase(Locale.ROOT)));
    }
}
