package org.kura.bench;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.kura.server.datasets.Dataset;
import org.kura.server.datasets.DatasetExporter;
import org.kura.server.datasets.DumpFormat;
import org.kura.server.oai.JpcoarFormat;
import org.kura.server.oai.OaiDcFormat;
import org.kura.server.oai.OaiPmhRoutes;

/**
 * {@code kura bench api}: the open-data interfaces over a generated catalog. OAI-PMH: a client pages
 * through the whole {@code ListRecords} over loopback HTTP (streaming, counting records with StAX)
 * while the heap is sampled, so throughput and memory show together; bulk dumps: each format
 * written in full, records/s.
 */
public final class ApiBench {
    /** @param sparql whether to load the SPARQL store and time lookups (the longest phase) */
    public record Options(int records, List<DumpFormat> dumps, Path workDir, boolean sparql) {
    }

    /** One measured line. */
    public record Row(String measure, String value, String target) {
    }

    private final PrintStream log;

    public ApiBench(PrintStream log) {
        this.log = log;
    }

    public List<Row> run(Options o) throws Exception {
        Files.createDirectories(o.workDir());
        Path dir = Files.createTempDirectory(o.workDir(), "api-");
        List<Row> rows = new ArrayList<>();
        try (CatalogStore store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")))) {
            double commit = BenchCorpus.load(store, o.records(), log);
            rows.add(new Row("records", String.format("%,d", o.records()), "1,000,000"));
            rows.add(new Row("catalog commit", String.format("%,.0f rec/s", commit), ""));
            oai(store, o, rows);
            DatasetExporter exporter = new DatasetExporter(store, dir.resolve("datasets"));
            for (DumpFormat f : o.dumps()) {
                log.println("bench api: full " + f.name() + " dump…");
                long t = System.nanoTime();
                Dataset d = exporter.export(f, null, null, n -> { });
                double s = (System.nanoTime() - t) / 1e9;
                rows.add(new Row("full " + f.name() + " dump (gzip)", String.format("%,.0f rec/s (%,d records, %,d MB, %.0f s)",
                        d.records() / s, d.records(), d.bytes() >> 20, s), f.name().equals("nt") ? "≥ 20,000 rec/s" : ""));
                log.println("  " + rows.get(rows.size() - 1));
            }
            if (o.sparql()) {
                sparql(store, o, dir, rows); // last: the store's caches are the largest user of the heap
            }
        }
        return rows;
    }

    /** Loads the SPARQL store from the change log, then looks records up by ISBN through /sparql, one client. */
    private void sparql(CatalogStore store, Options o, Path dir, List<Row> rows) throws Exception {
        org.kura.lod.UriScheme uris = new org.kura.lod.UriScheme("http://localhost");
        try (org.kura.lod.SparqlStore sparql = new org.kura.lod.SparqlStore(dir.resolve("sparql"), uris, 10_000, 1000)) {
            log.println("bench api: loading the SPARQL store from the change log…");
            long t = System.nanoTime();
            long n = sparql.catchUp(store);
            double s = (System.nanoTime() - t) / 1e9;
            rows.add(new Row("SPARQL store load (TDB2, from the change log)", String.format("%,.0f rec/s (%,d records, %.0f s)",
                    n / s, n, s), ""));
            try (KuraServer server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost",
                    "bench-admin-token-0123456789"), KuraServer.newMetricsRegistry(),
                    List.of(new org.kura.server.lod.SparqlRoutes(sparql))).start()) {
                HttpClient http = HttpClient.newHttpClient();
                org.kura.testkit.SyntheticCorpus corpus = new org.kura.testkit.SyntheticCorpus(7);
                java.util.Random random = new java.util.Random(1);
                int lookups = 500;
                double[] lat = new double[lookups];
                for (int i = -50; i < lookups; i++) {
                    String isbn = org.kura.model.Identifiers.normalize(org.kura.model.IdentifierType.ISBN,
                            corpus.fields(random.nextInt(o.records())).isbn()).value();
                    String q = "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX dcndl: <http://ndl.go.jp/dcndl/terms/> "
                            + "SELECT ?s ?title WHERE { ?s dcterms:identifier \"" + isbn + "\"^^dcndl:ISBN ; dcterms:title ?title }";
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || !r.body().contains("#material")) {
                        throw new IllegalStateException("SPARQL lookup of " + isbn + " failed: " + r.statusCode() + " " + r.body());
                    }
                    if (i >= 0) {
                        lat[i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                java.util.Arrays.sort(lat);
                rows.add(new Row("SPARQL lookup of one record by ISBN through /sparql", String.format("p50 %.1f ms, p95 %.1f ms (%d lookups)",
                        lat[lookups / 2], lat[(int) Math.ceil(lookups * 0.95) - 1], lookups), "p95 ≤ 50 ms"));
            }
        }
    }

    private void oai(CatalogStore store, Options o, List<Row> rows) throws Exception {
        OaiPmhRoutes oai = new OaiPmhRoutes(store, new OaiPmhRoutes.Settings("bench", "http://localhost/oai", "a@example.org",
                "kura.bench", 500, Duration.ofHours(1), "bench-secret-0123456789".getBytes(StandardCharsets.UTF_8)),
                List.of(new OaiDcFormat(), new JpcoarFormat()), Clock.systemUTC());
        try (KuraServer server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost",
                "bench-admin-token-0123456789"), KuraServer.newMetricsRegistry(), List.of(oai)).start()) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port() + "/oai?verb=ListRecords&";
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            AtomicLong peak = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            log.println("bench api: harvesting ListRecords (oai_dc) over HTTP…");
            XMLInputFactory xml = XMLInputFactory.newFactory();
            xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            long t = System.nanoTime();
            long records = 0;
            int pages = 0;
            String args = "metadataPrefix=oai_dc";
            while (args != null) {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base + args)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                String token = null;
                try (InputStream in = r.body()) {
                    XMLStreamReader x = xml.createXMLStreamReader(in);
                    while (x.hasNext()) {
                        if (x.next() == XMLStreamConstants.START_ELEMENT) {
                            if (x.getLocalName().equals("record")) {
                                records++;
                            } else if (x.getLocalName().equals("resumptionToken")) {
                                token = x.getElementText();
                            } else if (x.getLocalName().equals("error")) {
                                throw new IllegalStateException("OAI-PMH error " + x.getAttributeValue(null, "code"));
                            }
                        }
                    }
                }
                pages++;
                if (pages % 400 == 0) {
                    log.printf("  %,d records, %,.0f rec/s%n", records, records / ((System.nanoTime() - t) / 1e9));
                }
                args = token == null || token.isBlank() ? null : "resumptionToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
            }
            double s = (System.nanoTime() - t) / 1e9;
            running.set(false);
            rows.add(new Row("OAI-PMH ListRecords oai_dc over HTTP", String.format("%,.0f rec/s (%,d records, %,d pages, %.0f s)",
                    records / s, records, pages, s), "≥ 5,000 rec/s"));
            rows.add(new Row("peak heap used during the harvest (server and client in one JVM)",
                    String.format("%,d MB of %,d MB max", peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20), "constant"));
            log.println("  " + rows.get(rows.size() - 2));
            log.println("  " + rows.get(rows.size() - 1));
        }
    }
}
