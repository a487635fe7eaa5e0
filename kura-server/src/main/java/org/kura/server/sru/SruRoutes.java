package org.kura.server.sru;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.StoredRecord;
import org.kura.model.xml.XmlText;
import org.kura.search.SearchException;
import org.kura.search.SearchQuery;
import org.kura.search.SearchResult;
import org.kura.search.Searcher;
import org.kura.search.query.CqlParser;
import org.kura.search.query.Fields;
import org.kura.search.query.QueryNode;
import org.kura.search.query.QuerySyntaxException;
import org.kura.server.RouteGroup;
import org.kura.server.oai.MetadataFormat;
import org.kura.server.oai.OaiDcFormat;

/**
 * SRU 1.2 and 2.0 at {@code /sru} (GET and POST form): {@code explain} (also when no query is given)
 * and {@code searchRetrieve} with CQL (the search box's CQL parser), {@code startRecord},
 * {@code maximumRecords} (at most 100), record schemas {@code dc} (info:srw/schema/1/dc-v1.1) and
 * {@code dcndl}, XML or string packing. Every problem is an SRU diagnostic
 * ({@code info:srw/diagnostic/1/N}) in an ordinary response, never an HTTP error: 1 general, 4
 * unsupported operation, 5 unsupported version, 6 unsupported parameter value, 7 missing parameter,
 * 8 unsupported parameter, 10 query syntax, 16 unsupported index, 19 unsupported relation, 61 first
 * record out of range, 66 unknown schema, 80 sort not supported.
 *
 * <pre>
 * GET|POST /sru   public   ?version=1.2|2.0 &amp;operation=explain|searchRetrieve &amp;query= &amp;startRecord= &amp;maximumRecords=
 *                          &amp;recordSchema=dc|dcndl &amp;recordPacking=xml|string (1.2) / recordXMLEscaping=xml|string (2.0)
 * </pre>
 */
public final class SruRoutes implements RouteGroup {
    static final String SRW = "http://www.loc.gov/zing/srw/";
    static final String SRW_DIAG = "http://www.loc.gov/zing/srw/diagnostic/";
    static final String SRU2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse";
    static final String SRU2_DIAG = "http://docs.oasis-open.org/ns/search-ws/diagnostic";
    static final String ZEEREX = "http://explain.z3950.org/dtd/2.0/";
    static final String DC_SCHEMA = "info:srw/schema/1/dc-v1.1";
    static final String SRW_DC = "info:srw/schema/1/dc-schema";
    static final int MAX_RECORDS = 100;
    private static final Set<String> PARAMS = Set.of("operation", "version", "query", "startRecord", "maximumRecords",
            "recordSchema", "recordPacking", "recordXMLEscaping", "sortKeys", "stylesheet", "httpAccept", "recordXPath",
            "resultSetTTL", "extraRequestData", "queryType");

    private final Searcher searcher;
    private final CatalogStore catalog;
    private final String baseUrl;
    private final Map<String, MetadataFormat> extraSchemas;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    /** @param extraSchemas record schemas beyond dc, by name (e.g. {@code dcndl}) */
    public SruRoutes(Searcher searcher, CatalogStore catalog, String baseUrl, Map<String, MetadataFormat> extraSchemas) {
        this.searcher = searcher;
        this.catalog = catalog;
        this.baseUrl = baseUrl;
        this.extraSchemas = new LinkedHashMap<>(extraSchemas);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/sru", this::handle);
        app.post("/sru", this::handle);
    }

    /** An SRU diagnostic. */
    record Diagnostic(int number, String details, String message) {
    }

    private static final class Failure extends Exception {
        final Diagnostic diagnostic;

        Failure(int number, String details, String message) {
            super(message, null, false, false);
            this.diagnostic = new Diagnostic(number, details, message);
        }
    }

    private void handle(Context ctx) throws IOException, XMLStreamException {
        Map<String, List<String>> params = ctx.method() == HandlerType.POST ? ctx.formParamMap() : ctx.queryParamMap();
        Map<String, String> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
        String version = p.getOrDefault("version", "2.0");
        boolean v2 = !version.startsWith("1.");
        ctx.contentType("application/xml; charset=UTF-8");
        OutputStream os = new BufferedOutputStream(ctx.outputStream(), 64 * 1024);
        XMLStreamWriter out = xml.createXMLStreamWriter(os, "UTF-8");
        out.writeStartDocument("UTF-8", "1.0");
        try {
            if (!Set.of("1.1", "1.2", "2.0").contains(version)) {
                throw new Failure(5, "1.2 2.0", "unsupported version " + version + "; supported: 1.2, 2.0");
            }
            for (Map.Entry<String, List<String>> e : params.entrySet()) {
                if (!PARAMS.contains(e.getKey()) && !e.getKey().startsWith("x-")) {
                    throw new Failure(8, e.getKey(), "unsupported parameter " + e.getKey());
                }
                if (e.getValue().size() > 1) {
                    throw new Failure(6, e.getKey(), "repeated parameter " + e.getKey());
                }
            }
            String operation = p.getOrDefault("operation", p.containsKey("query") ? "searchRetrieve" : "explain");
            switch (operation) {
                case "explain" -> explain(out, v2, version);
                case "searchRetrieve" -> searchRetrieve(out, v2, version, p);
                default -> throw new Failure(4, operation, "unsupported operation " + operation);
            }
        } catch (Failure f) {
            fail(out, v2, version, f.diagnostic);
        }
        out.writeEndDocument();
        out.flush();
        out.close();
        os.flush();
    }

    private void open(XMLStreamWriter out, boolean v2, String version, String element) throws XMLStreamException {
        String ns = v2 ? SRU2 : SRW;
        String prefix = v2 ? "sruResponse" : "srw";
        out.writeStartElement(prefix, element, ns);
        out.writeNamespace(prefix, ns);
        out.writeStartElement(prefix, "version", ns);
        out.writeCharacters(v2 ? "2.0" : version);
        out.writeEndElement();
    }

    private static void text(XMLStreamWriter out, boolean v2, String name, String value) throws XMLStreamException {
        out.writeStartElement(v2 ? "sruResponse" : "srw", name, v2 ? SRU2 : SRW);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    private void fail(XMLStreamWriter out, boolean v2, String version, Diagnostic d) throws XMLStreamException {
        open(out, v2, version, "searchRetrieveResponse");
        text(out, v2, "numberOfRecords", "0");
        diagnostics(out, v2, List.of(d));
        out.writeEndElement();
    }

    private static void diagnostics(XMLStreamWriter out, boolean v2, List<Diagnostic> ds) throws XMLStreamException {
        String ns = v2 ? SRU2 : SRW;
        String prefix = v2 ? "sruResponse" : "srw";
        String dns = v2 ? SRU2_DIAG : SRW_DIAG;
        out.writeStartElement(prefix, "diagnostics", ns);
        for (Diagnostic d : ds) {
            out.writeStartElement("diag", "diagnostic", dns);
            out.writeNamespace("diag", dns);
            for (String[] f : new String[][] {{"uri", "info:srw/diagnostic/1/" + d.number()}, {"details", d.details()},
                {"message", d.message()}}) {
                if (f[1] != null) {
                    out.writeStartElement("diag", f[0], dns);
                    out.writeCharacters(XmlText.clean(f[1]));
                    out.writeEndElement();
                }
            }
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void explain(XMLStreamWriter out, boolean v2, String version) throws XMLStreamException {
        open(out, v2, version, "explainResponse");
        String ns = v2 ? SRU2 : SRW;
        String prefix = v2 ? "sruResponse" : "srw";
        out.writeStartElement(prefix, "record", ns);
        text(out, v2, "recordSchema", "http://explain.z3950.org/dtd/2.0/");
        text(out, v2, v2 ? "recordXMLEscaping" : "recordPacking", "xml");
        out.writeStartElement(prefix, "recordData", ns);
        out.writeStartElement("zr", "explain", ZEEREX);
        out.writeNamespace("zr", ZEEREX);
        out.writeStartElement("zr", "serverInfo", ZEEREX);
        out.writeAttribute("protocol", "SRU");
        out.writeAttribute("version", v2 ? "2.0" : "1.2");
        java.net.URI u = java.net.URI.create(baseUrl);
        zr(out, "host", u.getHost() == null ? "localhost" : u.getHost());
        zr(out, "port", Integer.toString(u.getPort() > 0 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80));
        zr(out, "database", "sru");
        out.writeEndElement();
        out.writeStartElement("zr", "databaseInfo", ZEEREX);
        zr(out, "title", "Kura");
        zr(out, "description", "Kura's integrated catalogue: every provider's records, searchable with CQL");
        out.writeEndElement();
        out.writeStartElement("zr", "indexInfo", ZEEREX);
        for (String[] set : new String[][] {{"dc", "info:srw/cql-context-set/1/dc-v1.1"}, {"cql", "info:srw/cql-context-set/1/cql-v1.2"},
            {"bath", "http://zing.z3950.org/cql/bath/2.0/"}}) {
            out.writeStartElement("zr", "set", ZEEREX);
            out.writeAttribute("name", set[0]);
            out.writeAttribute("identifier", set[1]);
            out.writeEndElement();
        }
        for (String index : Fields.cqlIndexes()) {
            out.writeStartElement("zr", "index", ZEEREX);
            zr(out, "title", index);
            out.writeStartElement("zr", "map", ZEEREX);
            out.writeStartElement("zr", "name", ZEEREX);
            int dot = index.indexOf('.');
            if (dot > 0) {
                out.writeAttribute("set", index.substring(0, dot));
            }
            out.writeCharacters(dot > 0 ? index.substring(dot + 1) : index);
            out.writeEndElement();
            out.writeEndElement();
            out.writeEndElement();
        }
        out.writeEndElement();
        out.writeStartElement("zr", "schemaInfo", ZEEREX);
        schema(out, "dc", DC_SCHEMA, "Dublin Core");
        for (Map.Entry<String, MetadataFormat> e : extraSchemas.entrySet()) {
            schema(out, e.getKey(), e.getValue().namespace(), e.getKey());
        }
        out.writeEndElement();
        out.writeStartElement("zr", "configInfo", ZEEREX);
        out.writeStartElement("zr", "default", ZEEREX);
        out.writeAttribute("type", "numberOfRecords");
        out.writeCharacters("10");
        out.writeEndElement();
        out.writeStartElement("zr", "setting", ZEEREX);
        out.writeAttribute("type", "maximumRecords");
        out.writeCharacters(Integer.toString(MAX_RECORDS));
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
        out.writeEndElement();
    }

    private static void schema(XMLStreamWriter out, String name, String identifier, String title) throws XMLStreamException {
        out.writeStartElement("zr", "schema", ZEEREX);
        out.writeAttribute("name", name);
        out.writeAttribute("identifier", identifier);
        zr(out, "title", title);
        out.writeEndElement();
    }

    private static void zr(XMLStreamWriter out, String name, String value) throws XMLStreamException {
        out.writeStartElement("zr", name, ZEEREX);
        out.writeCharacters(value);
        out.writeEndElement();
    }

    private void searchRetrieve(XMLStreamWriter out, boolean v2, String version, Map<String, String> p)
            throws Failure, XMLStreamException, IOException {
        String cql = p.get("query");
        if (cql == null || cql.isBlank()) {
            throw new Failure(7, "query", "the query parameter is required for searchRetrieve");
        }
        int start = number(p, "startRecord", 1);
        int max = number(p, "maximumRecords", 10);
        if (start < 1) {
            throw new Failure(6, "startRecord", "startRecord must be 1 or more");
        }
        if (start > SearchQuery.MAX_START) {
            throw new Failure(61, Integer.toString(start), "first record position out of range (at most " + SearchQuery.MAX_START + ")");
        }
        if (max < 0) {
            throw new Failure(6, "maximumRecords", "maximumRecords must be 0 or more");
        }
        max = Math.min(max, MAX_RECORDS);
        String schemaName = p.getOrDefault("recordSchema", "dc");
        boolean dc = schemaName.equals("dc") || schemaName.equals(DC_SCHEMA);
        MetadataFormat extra = dc ? null : extraSchemas.get(schemaName);
        if (!dc && extra == null) {
            throw new Failure(66, schemaName, "unknown record schema " + schemaName + "; schemas: dc, " + String.join(", ", extraSchemas.keySet()));
        }
        String packing = p.getOrDefault(v2 ? "recordXMLEscaping" : "recordPacking", "xml");
        if (!packing.equals("xml") && !packing.equals("string")) {
            throw new Failure(v2 ? 71 : 6, packing, "record packing must be xml or string");
        }
        if (p.containsKey("sortKeys") && !p.get("sortKeys").isBlank()) {
            throw new Failure(80, p.get("sortKeys"), "sort is not supported; results come in relevance order");
        }
        QueryNode query;
        try {
            query = new CqlParser().parse(cql);
        } catch (QuerySyntaxException e) {
            String m = e.getMessage();
            int n = m.startsWith("unsupported index") ? 16 : m.startsWith("unsupported relation") ? 19 : 10;
            throw new Failure(n, cql, m);
        }
        List<SearchResult.Hit> hits = new ArrayList<>();
        long total;
        try {
            total = window(query, start, max, hits);
        } catch (SearchException e) {
            throw new Failure(1, null, "search failed: " + e.getMessage());
        }
        open(out, v2, version, "searchRetrieveResponse");
        text(out, v2, "numberOfRecords", Long.toString(total));
        String ns = v2 ? SRU2 : SRW;
        String prefix = v2 ? "sruResponse" : "srw";
        if (!hits.isEmpty()) {
            out.writeStartElement(prefix, "records", ns);
            int position = start;
            for (SearchResult.Hit h : hits) {
                StoredRecord r = catalog.record(h.provider(), h.recordId()).orElse(null);
                if (r == null || r.normalized() == null) {
                    position++;
                    continue;
                }
                out.writeStartElement(prefix, "record", ns);
                text(out, v2, "recordSchema", dc ? DC_SCHEMA : schemaName);
                text(out, v2, v2 ? "recordXMLEscaping" : "recordPacking", packing);
                out.writeStartElement(prefix, "recordData", ns);
                if (packing.equals("xml")) {
                    recordData(out, r, extra);
                } else {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    XMLStreamWriter inner = xml.createXMLStreamWriter(buf, "UTF-8");
                    recordData(inner, r, extra);
                    inner.flush();
                    out.writeCharacters(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
                }
                out.writeEndElement();
                text(out, v2, "recordPosition", Integer.toString(position++));
                out.writeEndElement();
            }
            out.writeEndElement();
        }
        long next = (long) start + hits.size();
        if (next <= total && !hits.isEmpty()) {
            text(out, v2, "nextRecordPosition", Long.toString(next));
        }
        if (!v2) {
            out.writeStartElement(prefix, "echoedSearchRetrieveRequest", ns);
            text(out, false, "version", version);
            text(out, false, "query", cql);
            text(out, false, "startRecord", Integer.toString(start));
            text(out, false, "maximumRecords", Integer.toString(max));
            text(out, false, "recordPacking", packing);
            text(out, false, "recordSchema", schemaName);
            out.writeEndElement();
        }
        out.writeEndElement();
    }

    private void recordData(XMLStreamWriter out, StoredRecord r, MetadataFormat extra) throws XMLStreamException {
        if (extra != null) {
            extra.write(out, r);
            return;
        }
        out.writeStartElement("srw_dc", "dc", SRW_DC);
        out.writeNamespace("srw_dc", SRW_DC);
        out.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
        OaiDcFormat.writeElements(out, r.normalized());
        out.writeEndElement();
    }

    /** Fills {@code hits} with the results {@code start … start+max-1}; returns the total. */
    private long window(QueryNode query, int start, int max, List<SearchResult.Hit> hits) {
        if (max == 0) {
            return searcher.search(new SearchQuery(query, Map.of(), null, null, SearchQuery.Sort.RELEVANCE, 1, 1, null, false,
                    List.of())).total();
        }
        int page = (start - 1) / max + 1;
        int skip = (start - 1) % max;
        SearchResult first = searcher.search(new SearchQuery(query, Map.of(), null, null, SearchQuery.Sort.RELEVANCE, page, max,
                null, false, List.of()));
        first.hits().stream().skip(skip).forEach(hits::add);
        if (skip > 0 && hits.size() < max && (long) page * max < first.total()) {
            SearchResult second = searcher.search(new SearchQuery(query, Map.of(), null, null, SearchQuery.Sort.RELEVANCE, page + 1,
                    max, null, false, List.of()));
            second.hits().stream().limit(max - hits.size()).forEach(hits::add);
        }
        return first.total();
    }

    private static int number(Map<String, String> p, String name, int dflt) throws Failure {
        String v = p.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new Failure(6, name, name + " must be a number: " + v);
        }
    }
}
