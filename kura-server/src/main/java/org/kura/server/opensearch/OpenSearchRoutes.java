package org.kura.server.opensearch;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.kura.model.xml.XmlText;
import org.kura.search.SearchQuery;
import org.kura.search.SearchResult;
import org.kura.search.Searcher;
import org.kura.search.query.KuraQueryParser;
import org.kura.search.query.QueryNode;
import org.kura.search.query.QuerySyntaxException;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * OpenSearch 1.1: the description document browsers and aggregators discover, and results as Atom
 * 1.0 or RSS 2.0 with the OpenSearch response elements.
 *
 * <pre>
 * GET /opensearch.xml   public   the description (templates for Atom, RSS and JSON)
 * GET /opensearch       public   ?q= &amp;page= &amp;count= (≤ 100) &amp;format=atom|rss
 * </pre>
 */
public final class OpenSearchRoutes implements RouteGroup {
    static final String OS = "http://a9.com/-/spec/opensearch/1.1/";
    static final String ATOM = "http://www.w3.org/2005/Atom";
    private final Searcher searcher;
    private final String base;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    public OpenSearchRoutes(Searcher searcher, String baseUrl) {
        this.searcher = searcher;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The autodiscovery link for the head of every portal page. */
    public static String autodiscoveryLink() {
        return "<link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\" title=\"Kura\">";
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/opensearch.xml", this::description);
        app.get("/opensearch", this::results);
    }

    private void description(Context ctx) throws IOException, XMLStreamException {
        ctx.contentType("application/opensearchdescription+xml; charset=UTF-8");
        try (Doc d = new Doc(ctx)) {
            XMLStreamWriter out = d.out;
            out.setDefaultNamespace(OS);
            out.writeStartElement(OS, "OpenSearchDescription");
            out.writeDefaultNamespace(OS);
            el(out, OS, "ShortName", "Kura");
            el(out, OS, "LongName", "Kura 蔵 — integrated catalogue");
            el(out, OS, "Description", "Search every provider's records in Kura / Kura の統合目録を検索");
            el(out, OS, "Tags", "library museum archive catalogue Japan");
            for (String[] t : new String[][] {{"application/atom+xml", "/opensearch?q={searchTerms}&page={startPage?}&count={count?}&format=atom"},
                {"application/rss+xml", "/opensearch?q={searchTerms}&page={startPage?}&count={count?}&format=rss"},
                {"application/json", "/api/search?q={searchTerms}&page={startPage?}&size={count?}"}}) {
                out.writeStartElement(OS, "Url");
                out.writeAttribute("type", t[0]);
                out.writeAttribute("template", base + t[1]);
                out.writeEndElement();
            }
            out.writeStartElement(OS, "Url");
            out.writeAttribute("type", "application/opensearchdescription+xml");
            out.writeAttribute("rel", "self");
            out.writeAttribute("template", base + "/opensearch.xml");
            out.writeEndElement();
            out.writeStartElement(OS, "Query");
            out.writeAttribute("role", "example");
            out.writeAttribute("searchTerms", "夏目漱石");
            out.writeEndElement();
            el(out, OS, "Language", "ja");
            el(out, OS, "Language", "en");
            el(out, OS, "InputEncoding", "UTF-8");
            el(out, OS, "OutputEncoding", "UTF-8");
            out.writeEndElement();
        }
    }

    private void results(Context ctx) throws IOException, XMLStreamException {
        String q = ctx.queryParam("q");
        QueryNode query;
        try {
            query = new KuraQueryParser().parse(q);
        } catch (QuerySyntaxException e) {
            throw ProblemException.badRequest("invalid query: " + e.getMessage());
        }
        int count = Math.max(1, Math.min(SearchQuery.MAX_SIZE, intParam(ctx, "count", 20)));
        int page = Math.max(1, intParam(ctx, "page", 1));
        if ((long) (page - 1) * count > SearchQuery.MAX_START) {
            throw ProblemException.badRequest("page out of range");
        }
        String format = ctx.queryParam("format") == null ? "atom" : ctx.queryParam("format");
        if (!format.equals("atom") && !format.equals("rss")) {
            throw ProblemException.badRequest("format must be atom or rss");
        }
        SearchResult r = searcher.search(new SearchQuery(query, Map.of(), null, null, SearchQuery.Sort.RELEVANCE, page, count,
                null, true, List.of()));
        long last = Math.max(1, (r.total() + count - 1) / count);
        String self = link(q, page, count, format);
        ctx.contentType((format.equals("atom") ? "application/atom+xml" : "application/rss+xml") + "; charset=UTF-8");
        try (Doc d = new Doc(ctx)) {
            XMLStreamWriter out = d.out;
            String now = DateTimeFormatter.ISO_INSTANT.format(Instant.now());
            if (format.equals("atom")) {
                out.setDefaultNamespace(ATOM);
                out.writeStartElement(ATOM, "feed");
                out.writeDefaultNamespace(ATOM);
                out.writeNamespace("opensearch", OS);
                el(out, ATOM, "title", "Kura: " + (q == null ? "" : q));
                el(out, ATOM, "id", base + self);
                el(out, ATOM, "updated", now);
                out.writeStartElement(ATOM, "author");
                el(out, ATOM, "name", "Kura");
                out.writeEndElement();
                response(out, r.total(), (long) (page - 1) * count + 1, count, q);
                linkEl(out, "self", base + self, "application/atom+xml");
                linkEl(out, "first", base + link(q, 1, count, format), "application/atom+xml");
                if (page > 1) {
                    linkEl(out, "previous", base + link(q, page - 1, count, format), "application/atom+xml");
                }
                if (page < last) {
                    linkEl(out, "next", base + link(q, page + 1, count, format), "application/atom+xml");
                }
                linkEl(out, "last", base + link(q, last, count, format), "application/atom+xml");
                linkEl(out, "search", base + "/opensearch.xml", "application/opensearchdescription+xml");
                for (SearchResult.Hit h : r.hits()) {
                    out.writeStartElement(ATOM, "entry");
                    el(out, ATOM, "title", h.title() == null ? h.recordId() : h.title());
                    String url = recordUrl(h);
                    el(out, ATOM, "id", url);
                    linkEl(out, "alternate", url, "application/json");
                    el(out, ATOM, "updated", now);
                    for (String c : h.creators()) {
                        out.writeStartElement(ATOM, "author");
                        el(out, ATOM, "name", c);
                        out.writeEndElement();
                    }
                    el(out, ATOM, "summary", summary(h));
                    out.writeEndElement();
                }
                out.writeEndElement();
            } else {
                out.writeStartElement("rss");
                out.writeAttribute("version", "2.0");
                out.writeNamespace("opensearch", OS);
                out.writeNamespace("atom", ATOM);
                out.writeStartElement("channel");
                el(out, null, "title", "Kura: " + (q == null ? "" : q));
                el(out, null, "link", base + self);
                el(out, null, "description", "Search results for " + (q == null ? "" : q));
                response(out, r.total(), (long) (page - 1) * count + 1, count, q);
                out.writeStartElement("atom", "link", ATOM);
                out.writeAttribute("rel", "search");
                out.writeAttribute("type", "application/opensearchdescription+xml");
                out.writeAttribute("href", base + "/opensearch.xml");
                out.writeEndElement();
                if (page < last) {
                    out.writeStartElement("atom", "link", ATOM);
                    out.writeAttribute("rel", "next");
                    out.writeAttribute("href", base + link(q, page + 1, count, format));
                    out.writeEndElement();
                }
                for (SearchResult.Hit h : r.hits()) {
                    out.writeStartElement("item");
                    el(out, null, "title", h.title() == null ? h.recordId() : h.title());
                    el(out, null, "link", recordUrl(h));
                    el(out, null, "guid", recordUrl(h));
                    el(out, null, "description", summary(h));
                    out.writeEndElement();
                }
                out.writeEndElement();
                out.writeEndElement();
            }
        }
    }

    private String recordUrl(SearchResult.Hit h) {
        return base + "/api/records/" + URLEncoder.encode(h.recordId(), StandardCharsets.UTF_8).replace("+", "%20")
                + "?provider=" + h.provider();
    }

    private static String summary(SearchResult.Hit h) {
        StringBuilder sb = new StringBuilder();
        if (!h.creators().isEmpty()) {
            sb.append(String.join("; ", h.creators()));
        }
        if (h.date() != null) {
            sb.append(sb.length() == 0 ? "" : ". ").append(h.date());
        }
        if (h.clusterSize() > 1) {
            sb.append(sb.length() == 0 ? "" : ". ").append("held by ").append(h.clusterSize()).append(" providers");
        }
        return sb.toString();
    }

    private static void response(XMLStreamWriter out, long total, long startIndex, int count, String q) throws XMLStreamException {
        el(out, OS, "totalResults", Long.toString(total));
        el(out, OS, "startIndex", Long.toString(startIndex));
        el(out, OS, "itemsPerPage", Integer.toString(count));
        out.writeStartElement("opensearch", "Query", OS);
        out.writeAttribute("role", "request");
        out.writeAttribute("searchTerms", XmlText.clean(q == null ? "" : q));
        out.writeEndElement();
    }

    private static void linkEl(XMLStreamWriter out, String rel, String href, String type) throws XMLStreamException {
        out.writeStartElement(ATOM, "link");
        out.writeAttribute("rel", rel);
        out.writeAttribute("href", href);
        out.writeAttribute("type", type);
        out.writeEndElement();
    }

    private static String link(String q, long page, int count, String format) {
        return "/opensearch?q=" + URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8) + "&page=" + page + "&count=" + count
                + "&format=" + format;
    }

    private static void el(XMLStreamWriter out, String ns, String name, String text) throws XMLStreamException {
        if (ns == null) {
            out.writeStartElement(name);
        } else if (ns.equals(OS)) {
            out.writeStartElement("opensearch".equals(out.getPrefix(OS)) ? "opensearch" : "", name, OS);
        } else {
            out.writeStartElement(ns, name);
        }
        out.writeCharacters(XmlText.clean(text));
        out.writeEndElement();
    }

    private static int intParam(Context ctx, String name, int dflt) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " must be a number");
        }
    }

    /** A streamed XML document on the response. */
    private final class Doc implements AutoCloseable {
        final OutputStream os;
        final XMLStreamWriter out;

        Doc(Context ctx) throws XMLStreamException {
            os = new BufferedOutputStream(ctx.outputStream(), 32 * 1024);
            out = xml.createXMLStreamWriter(os, "UTF-8");
            out.writeStartDocument("UTF-8", "1.0");
        }

        @Override
        public void close() throws IOException {
            try {
                out.writeEndDocument();
                out.flush();
                out.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
            os.flush();
        }
    }
}
