package org.kura.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A real OAI-PMH 2.0 repository on loopback (JDK HTTP server, port chosen by the system) for tests
 * and benchmarks: Identify, ListMetadataFormats, ListSets, ListRecords, ListIdentifiers and
 * GetRecord with from/until/set, stateless resumption tokens with completeListSize and cursor, gzip,
 * the protocol's errors, and {@link Fault}s injected per request to play a provider that misbehaves.
 * Records come from a {@link RecordSet}, so a million generated records take no memory.
 */
public final class OaiPmhTestServer implements AutoCloseable {
    private static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    private final HttpServer server;
    private final RecordSet records;
    private final int pageSize;
    private final String granularity;
    private final List<Fault> faults;
    private final List<RequestLog> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger listRequestCount = new AtomicInteger();

    /** One request as the server saw it. */
    public record RequestLog(int number, Instant at, String query, boolean gzip, int status) {
    }

    /** What a fault sees of a request. */
    public record Request(int number, int listNumber, Map<String, String> args, HttpExchange exchange) {
        public String verb() {
            return args.getOrDefault("verb", "");
        }
    }

    /**
     * Misbehaviour injected into a response. Returns true when it answered the request itself; it
     * may also change the normal answer through {@link Response}.
     */
    @FunctionalInterface
    public interface Fault {
        boolean apply(Request request, Response response) throws IOException, InterruptedException;
    }

    /** The normal answer, which faults may alter before it is sent. */
    public static final class Response {
        String body;
        String token;

        public String body() {
            return body;
        }

        public void body(String b) {
            body = b;
        }
    }

    private OaiPmhTestServer(Builder b) throws IOException {
        this.records = b.records;
        this.pageSize = b.pageSize;
        this.granularity = b.granularity;
        this.faults = List.copyOf(b.faults);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/oai", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "oai-test-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static Builder builder(RecordSet records) {
        return new Builder(records);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai");
    }

    public List<RequestLog> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** ListRecords requests received so far (counted on arrival, also those still being answered). */
    public int listRequests() {
        return listRequestCount.get();
    }

    /** The most requests the server had in progress at once (politeness: should be 1). */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Configures a server. */
    public static final class Builder {
        private final RecordSet records;
        private int pageSize = 100;
        private String granularity = "YYYY-MM-DDThh:mm:ssZ";
        private final List<Fault> faults = new ArrayList<>();

        private Builder(RecordSet records) {
            this.records = records;
        }

        public Builder pageSize(int n) {
            pageSize = n;
            return this;
        }

        public Builder dayGranularity() {
            granularity = "YYYY-MM-DD";
            return this;
        }

        public Builder fault(Fault f) {
            faults.add(f);
            return this;
        }

        public OaiPmhTestServer start() throws IOException {
            return new OaiPmhTestServer(this);
        }
    }

    // ---- protocol --------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        int number = requestCount.incrementAndGet();
        Map<String, String> args = parseQuery(ex.getRequestURI().getRawQuery());
        boolean gzip = String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")).contains("gzip");
        int status = 200;
        try {
            int listNumber = "ListRecords".equals(args.get("verb")) ? listRequestCount.incrementAndGet() : 0;
            Request request = new Request(number, listNumber, args, ex);
            Response response = new Response();
            response.body = answer(args);
            for (Fault f : faults) {
                if (f.apply(request, response)) {
                    status = ex.getResponseCode();
                    return;
                }
            }
            send(ex, 200, response.body, gzip);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            status = -1; // the client went away
        } finally {
            log.add(new RequestLog(number, Instant.now(), ex.getRequestURI().getRawQuery(), gzip, status));
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    static void send(HttpExchange ex, int status, String body, boolean gzip) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
        if (gzip) {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            ex.sendResponseHeaders(status, 0);
            try (OutputStream out = new GZIPOutputStream(ex.getResponseBody(), 65536)) {
                out.write(bytes);
            }
        } else {
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String answer(Map<String, String> args) {
        String verb = args.getOrDefault("verb", "");
        return switch (verb) {
            case "Identify" -> envelope(args, "<Identify><repositoryName>Kura test repository</repositoryName><baseURL>"
                    + baseUrl() + "</baseURL><protocolVersion>2.0</protocolVersion><adminEmail>test@example.org</adminEmail>"
                    + "<earliestDatestamp>1990-01-01T00:00:00Z</earliestDatestamp><deletedRecord>persistent</deletedRecord>"
                    + "<granularity>" + granularity + "</granularity></Identify>");
            case "ListMetadataFormats" -> envelope(args, "<ListMetadataFormats>"
                    + "<metadataFormat><metadataPrefix>oai_dc</metadataPrefix><schema>http://www.openarchives.org/OAI/2.0/oai_dc.xsd</schema>"
                    + "<metadataNamespace>http://www.openarchives.org/OAI/2.0/oai_dc/</metadataNamespace></metadataFormat>"
                    + "<metadataFormat><metadataPrefix>dcndl</metadataPrefix><schema>http://ndl.go.jp/dcndl/dcndl.xsd</schema>"
                    + "<metadataNamespace>http://ndl.go.jp/dcndl/terms/</metadataNamespace></metadataFormat></ListMetadataFormats>");
            case "ListSets" -> envelope(args, "<ListSets><set><setSpec>books</setSpec><setName>Books</setName></set>"
                    + "<set><setSpec>articles</setSpec><setName>Articles</setName></set></ListSets>");
            case "ListRecords", "ListIdentifiers" -> list(args, verb.equals("ListIdentifiers"));
            case "GetRecord" -> getRecord(args);
            default -> error(args, "badVerb", "unknown verb " + verb);
        };
    }

    private record ListState(String prefix, String from, String until, String set, int position, int cursor) {
        String encode() {
            String s = String.join("\u0001", prefix, nz(from), nz(until), nz(set), Integer.toString(position),
                    Integer.toString(cursor));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        static ListState decode(String token) {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\u0001", -1);
            return new ListState(p[0], ez(p[1]), ez(p[2]), ez(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]));
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }

        private static String ez(String s) {
            return s.isEmpty() ? null : s;
        }
    }

    private String list(Map<String, String> args, boolean identifiersOnly) {
        ListState state;
        String token = args.get("resumptionToken");
        if (token != null) {
            if (args.size() != 2) {
                return error(args, "badArgument", "resumptionToken is exclusive");
            }
            try {
                state = ListState.decode(token);
            } catch (RuntimeException e) {
                return error(args, "badResumptionToken", "unknown token");
            }
        } else {
            String prefix = args.get("metadataPrefix");
            if (prefix == null) {
                return error(args, "badArgument", "metadataPrefix is required");
            }
            if (!prefix.equals("oai_dc") && !prefix.equals("dcndl")) {
                return error(args, "cannotDisseminateFormat", prefix);
            }
            state = new ListState(prefix, args.get("from"), args.get("until"), args.get("set"), 0, 0);
        }
        Instant from = parse(state.from);
        Instant until = parse(state.until);
        StringBuilder sb = new StringBuilder(pageSize * 2048);
        int found = 0;
        int i = state.position;
        for (; i < records.size() && found < pageSize; i++) {
            TestRecord r = records.get(i);
            if (!matches(r, from, until, state.set)) {
                continue;
            }
            found++;
            if (identifiersOnly) {
                header(sb, r);
            } else {
                sb.append("<record>");
                header(sb, r);
                if (!r.deleted()) {
                    String md = r.metadata().get(state.prefix);
                    sb.append("<metadata>").append(md == null ? "" : md).append("</metadata>");
                }
                sb.append("</record>");
            }
        }
        if (found == 0 && state.position == 0) {
            return error(args, "noRecordsMatch", "no records match");
        }
        boolean more = false;
        for (int j = i; j < records.size(); j++) {
            if (matches(records.get(j), from, until, state.set)) {
                more = true;
                break;
            }
        }
        long total = from == null && until == null && state.set == null ? records.size() : count(from, until, state.set);
        if (more || token != null) {
            String next = more ? new ListState(state.prefix, state.from, state.until, state.set, i,
                    state.cursor + found).encode() : "";
            sb.append("<resumptionToken completeListSize=\"").append(total).append("\" cursor=\"")
                    .append(state.cursor).append("\">").append(next).append("</resumptionToken>");
        }
        String verb = identifiersOnly ? "ListIdentifiers" : "ListRecords";
        return envelope(args, "<" + verb + ">" + sb + "</" + verb + ">");
    }

    private long count(Instant from, Instant until, String set) {
        long n = 0;
        for (int i = 0; i < records.size(); i++) {
            if (matches(records.get(i), from, until, set)) {
                n++;
            }
        }
        return n;
    }

    private String getRecord(Map<String, String> args) {
        String id = args.get("identifier");
        String prefix = args.getOrDefault("metadataPrefix", "oai_dc");
        for (int i = 0; i < records.size(); i++) {
            TestRecord r = records.get(i);
            if (r.identifier().equals(id)) {
                StringBuilder sb = new StringBuilder("<GetRecord><record>");
                header(sb, r);
                if (!r.deleted()) {
                    sb.append("<metadata>").append(r.metadata().getOrDefault(prefix, "")).append("</metadata>");
                }
                return envelope(args, sb.append("</record></GetRecord>").toString());
            }
        }
        return error(args, "idDoesNotExist", id);
    }

    private boolean matches(TestRecord r, Instant from, Instant until, String set) {
        Instant d = r.datestamp().truncatedTo(ChronoUnit.SECONDS);
        if (granularity.length() == 10) {
            d = d.truncatedTo(ChronoUnit.DAYS);
        }
        return (from == null || !d.isBefore(from)) && (until == null || !d.isAfter(until))
                && (set == null || r.sets().contains(set));
    }

    private static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        return s.length() == 10 ? Instant.parse(s + "T00:00:00Z") : Instant.parse(s);
    }

    private void header(StringBuilder sb, TestRecord r) {
        sb.append(r.deleted() ? "<header status=\"deleted\">" : "<header>");
        sb.append("<identifier>").append(escape(r.identifier())).append("</identifier><datestamp>");
        sb.append(granularity.length() == 10 ? DateTimeFormatter.ISO_LOCAL_DATE.format(r.datestamp().atZone(java.time.ZoneOffset.UTC))
                : DateTimeFormatter.ISO_INSTANT.format(r.datestamp().truncatedTo(ChronoUnit.SECONDS)));
        sb.append("</datestamp>");
        for (String s : r.sets()) {
            sb.append("<setSpec>").append(escape(s)).append("</setSpec>");
        }
        sb.append("</header>");
    }

    private String envelope(Map<String, String> args, String content) {
        StringBuilder sb = new StringBuilder(content.length() + 512);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"").append(OAI_NS)
                .append("\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><responseDate>")
                .append(DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .append("</responseDate><request");
        for (Map.Entry<String, String> a : args.entrySet()) {
            if (a.getKey().matches("[A-Za-z]+")) {
                sb.append(' ').append(a.getKey()).append("=\"").append(escape(a.getValue())).append('"');
            }
        }
        sb.append('>').append(baseUrl()).append("</request>").append(content).append("</OAI-PMH>");
        return sb.toString();
    }

    private String error(Map<String, String> args, String code, String message) {
        return envelope(args, "<error code=\"" + code + "\">" + escape(message) + "</error>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> args = new LinkedHashMap<>();
        if (raw == null) {
            return args;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                args.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return args;
    }
}
