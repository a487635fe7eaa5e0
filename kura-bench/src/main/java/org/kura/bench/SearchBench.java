package org.kura.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.search.EmbeddedSolrBackend;
import org.kura.search.Indexer;
import org.kura.search.SearchQuery;
import org.kura.search.Searcher;
import org.kura.search.query.KuraQueryParser;
import org.kura.server.KuraServer;
import org.kura.server.SearchRoutes;
import org.kura.server.ServerSettings;
import org.kura.testkit.SyntheticCorpus;

/**
 * {@code kura bench search}: a generated corpus goes into a fresh catalog, is indexed from the
 * change log (records/s), then keyword queries with facets run at N concurrent clients through
 * {@code /api/search} and, in the same run, straight through the searcher to Solr, so the API's
 * overhead shows as a ratio.
 */
public final class SearchBench {
    private static final String[] WORDS = {"日本", "近代", "文学", "歴史", "研究", "国学", "図書館", "経済", "思想", "東京",
        "地震", "記録", "社会", "芸術", "科学", "教育", "鉄道", "写真", "民俗", "資料", "古典", "物語", "概論", "入門",
        "夏目漱石", "森鴎外", "柳田国男", "宮沢賢治", "Modern", "History", "Library", "Earthquake"};

    /** The "keyword query with 4 facets": the four a results page shows first. */
    static final List<String> FACETS = List.of("provider", "type", "language", SearchQuery.YEARS);

    public record Options(int records, int clients, int queriesPerClient, Path workDir) {
    }

    public record Result(int records, double commitPerSecond, double indexPerSecond, int clients, int queries,
                         double apiMedianMs, double apiP95Ms, double solrMedianMs, double solrP95Ms,
                         double pageMedianMs, double pageP95Ms, long pageBytes, int freshQueries, double freshApiMedianMs,
                         double freshApiP95Ms, double freshSolrMedianMs, double freshSolrP95Ms, double freshPageMedianMs,
                         double freshPageP95Ms, Solo solo) {
        public double overhead() {
            return apiMedianMs / solrMedianMs - 1;
        }

        public String markdown() {
            return String.format("| records | %,d |%n| catalog commit | %,.0f rec/s |%n| indexing from the change log | %,.0f rec/s |%n"
                    + "| clients | %d |%n| queries | %,d |%n| /api/search median / p95 | %.1f ms / %.1f ms |%n"
                    + "| straight to Solr median / p95 | %.1f ms / %.1f ms |%n| API overhead (median) | %+.0f %% |%n"
                    + "| portal results page `/search` median / p95 | %.1f ms / %.1f ms |%n"
                    + "| results page weight (HTML + CSS + JS, uncompressed) | %,d bytes |%n"
                    + "| queries never seen before (%,d a path): /api/search median / p95 | %.1f ms / %.1f ms |%n"
                    + "| queries never seen before: straight to Solr median / p95 | %.1f ms / %.1f ms |%n"
                    + "| queries never seen before: portal results page median / p95 | %.1f ms / %.1f ms |%n"
                    + "| one reader at a time (%,d pages): results page median / p95 | %.1f ms / %.1f ms |%n"
                    + "| one reader at a time, queries never seen before (%,d pages): results page median / p95 | %.1f ms / %.1f ms |",
                    records, commitPerSecond, indexPerSecond, clients, queries, apiMedianMs, apiP95Ms, solrMedianMs,
                    solrP95Ms, overhead() * 100, pageMedianMs, pageP95Ms, pageBytes, freshQueries, freshApiMedianMs, freshApiP95Ms,
                    freshSolrMedianMs, freshSolrP95Ms, freshPageMedianMs, freshPageP95Ms, solo.pages(), solo.pageMedianMs(),
                    solo.pageP95Ms(), solo.freshPages(), solo.freshPageMedianMs(), solo.freshPageP95Ms());
        }
    }

    /**
     * The results page with no other reader: its server time proper, where the concurrent rows add the wait for one of
     * the two cores that eight readers share.
     */
    public record Solo(int pages, double pageMedianMs, double pageP95Ms, int freshPages, double freshPageMedianMs,
                       double freshPageP95Ms) {
    }

    private final PrintStream log;

    public SearchBench(PrintStream log) {
        this.log = log;
    }

    public Result run(Options o) throws Exception {
        Files.createDirectories(o.workDir());
        Path dir = Files.createTempDirectory(o.workDir(), "search-");
        try (CatalogStore store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")))) {
            double commitRate = BenchCorpus.load(store, o.records(), log);
            try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "bench")) {
                log.println("bench search: indexing from the change log…");
                long t1 = System.nanoTime();
                Indexer.IndexReport report = new Indexer(store, solr).catchUp(n -> {
                    if (n % 50_000 == 0) {
                        log.printf("  %,d indexed%n", n);
                    }
                });
                double indexRate = report.indexed() / seconds(t1);
                // Lucene goes on merging the new segments for minutes at 1M records; queries measured meanwhile share
                // the two cores with it unevenly (a merge during the API's rounds and not the direct ones' skewed the
                // overhead). Measure the index at rest, as a reader meets it: merges done, a searcher opened on them.
                awaitMerges(log);
                solr.commit();
                Searcher searcher = new Searcher(solr);
                try (KuraServer server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost",
                        "bench-admin-token-0123456789"), KuraServer.newMetricsRegistry(),
                        List.of(new SearchRoutes(searcher, new org.kura.search.GeoSearch(solr)),
                                new org.kura.server.portal.PortalRoutes(new org.kura.server.portal.Pages(),
                                store, searcher, new org.kura.lod.SchemaOrgMapper(new org.kura.lod.UriScheme("http://localhost")),
                                new org.kura.server.portal.Curation(store), new org.kura.server.portal.ItemAccess(new org.kura.server.access.AccessPolicy(),
                                new org.kura.server.access.PrincipalResolver(store, "bench-admin-token-0123456789", List.of()))))).start()) {
                    String base = "http://127.0.0.1:" + server.port() + "/api/search?q=";
                    // Warm up both paths until the JIT has compiled them: code run once per request (HTTP, routing, JSON)
                    // needs thousands of requests to leave its profiling tier, while Solr's inner loops get there at once;
                    // 400 requests were not enough (docs/benchmarks.md).
                    warmUp(o.clients(), i -> api(base, i));
                    warmUp(o.clients(), i -> direct(searcher, i));
                    log.println("bench search: " + o.clients() + " clients × " + o.queriesPerClient() + " queries…");
                    // the API and the direct path alternate in four rounds, so that a slower minute of this shared
                    // machine weighs on both and the overhead compares like with like
                    double[] api = new double[0];
                    double[] direct = new double[0];
                    int round = Math.max(1, o.queriesPerClient() / 4);
                    Usage apiUsage = Usage.ZERO;
                    Usage directUsage = Usage.ZERO;
                    for (int r = 0; r < 4; r++) {
                        int offset = r * round;
                        Usage u0 = Usage.now();
                        direct = concat(direct, measure(o.clients(), round, i -> direct(searcher, offset + i)));
                        Usage u1 = Usage.now();
                        api = concat(api, measure(o.clients(), round, i -> api(base, offset + i)));
                        Usage u2 = Usage.now();
                        directUsage = directUsage.plus(u1.minus(u0));
                        apiUsage = apiUsage.plus(u2.minus(u1));
                    }
                    // latency at a fixed number of clients follows the CPU each query costs (client included): these say
                    // whether the API's extra time is work or waiting (GC pauses, threads waiting for a core)
                    log.printf("bench search: CPU per query, API: %.2f ms in all (server threads %.2f, client threads %.2f, the rest"
                            + " — GC, JIT, kernel — %.2f); direct: %.2f ms in all (the searching threads %.2f, the rest %.2f);"
                            + " GC pauses: API rounds %d ms, direct rounds %d ms%n",
                            apiUsage.cpuMillis() / api.length, apiUsage.serverMillis() / api.length, apiUsage.clientMillis() / api.length,
                            (apiUsage.cpuMillis() - apiUsage.serverMillis() - apiUsage.clientMillis()) / api.length,
                            directUsage.cpuMillis() / direct.length, directUsage.clientMillis() / direct.length,
                            (directUsage.cpuMillis() - directUsage.clientMillis() - directUsage.serverMillis()) / direct.length,
                            apiUsage.gcMillis(), directUsage.gcMillis());
                    // where the time goes: the same queries without work clusters, and without facets
                    double[] noClusters = measure(o.clients(), o.queriesPerClient(), i -> direct(searcher, i, false, FACETS));
                    double[] noFacets = measure(o.clients(), o.queriesPerClient(), i -> direct(searcher, i, true, List.of()));
                    double[] noYears = measure(o.clients(), o.queriesPerClient(),
                            i -> direct(searcher, i, true, FACETS.stream().filter(f -> !f.equals(SearchQuery.YEARS)).toList()));
                    log.printf("bench search: straight to Solr without clusters median %.1f ms, without facets %.1f ms, "
                            + "without the year histogram %.1f ms%n", Percentiles.of(noClusters, 50), Percentiles.of(noFacets, 50),
                            Percentiles.of(noYears, 50));
                    String pageBase = "http://127.0.0.1:" + server.port() + "/search?q=";
                    warmUp(o.clients(), i -> page(pageBase, i));
                    double[] pages = measure(o.clients(), o.queriesPerClient(), i -> page(pageBase, i));
                    long weight = page(pageBase, 0) + BlockingGet.get("http://127.0.0.1:" + server.port() + "/assets/kura.css")
                            + BlockingGet.get("http://127.0.0.1:" + server.port() + "/assets/kura.js")
                            + BlockingGet.get("http://127.0.0.1:" + server.port() + "/assets/early.js");
                    // Every query above repeats (64 distinct ones, all seen in the warm-up), so Solr's caches hold their
                    // results: the figures of popular queries. Word pairs never sent before show the first sight of a
                    // query, each path (direct, API, results page at N readers, results page alone) with its own
                    // quarter of them so that none warms another's caches.
                    List<String> fresh = unseenQueries();
                    int perClient = Math.max(1, Math.min(o.queriesPerClient(), fresh.size() / (4 * o.clients())));
                    double[] freshDirect = measure(o.clients(), perClient, i -> direct(searcher, fresh.get(4 * i), true, FACETS));
                    double[] freshApi = measure(o.clients(), perClient, i -> api(base, fresh.get(4 * i + 1)));
                    double[] freshPages = measure(o.clients(), perClient,
                            i -> page(pageBase, fresh.get(4 * i + 2)));
                    double[] soloPages = measure(1, o.queriesPerClient(), i -> page(pageBase, i));
                    double[] freshSoloPages = measure(1, Math.max(1, fresh.size() / 4), i -> page(pageBase, fresh.get(4 * i + 3)));
                    Solo solo = new Solo(soloPages.length, Percentiles.of(soloPages, 50), Percentiles.of(soloPages, 95),
                            freshSoloPages.length, Percentiles.of(freshSoloPages, 50), Percentiles.of(freshSoloPages, 95));
                    return new Result(o.records(), commitRate, indexRate, o.clients(), o.clients() * o.queriesPerClient(),
                            Percentiles.of(api, 50), Percentiles.of(api, 95), Percentiles.of(direct, 50), Percentiles.of(direct, 95),
                            Percentiles.of(pages, 50), Percentiles.of(pages, 95), weight, freshApi.length, Percentiles.of(freshApi, 50),
                            Percentiles.of(freshApi, 95), Percentiles.of(freshDirect, 50), Percentiles.of(freshDirect, 95),
                            Percentiles.of(freshPages, 50), Percentiles.of(freshPages, 95), solo);
                }
            }
        }
    }

    private static String query(int i) {
        return WORDS[i % WORDS.length] + (i % 3 == 0 ? " " + WORDS[(i / 3) % WORDS.length] : "");
    }

    /** Pairs of the vocabulary's words that {@link #query} never sends, in a fixed order. */
    static List<String> unseenQueries() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 3 * WORDS.length * WORDS.length; i++) {
            seen.add(pairKey(query(i)));
        }
        List<String> out = new ArrayList<>();
        for (int a = 0; a < WORDS.length; a++) {
            for (int b = a + 1; b < WORDS.length; b++) {
                String q = WORDS[a] + " " + WORDS[b];
                if (!seen.contains(pairKey(q))) {
                    out.add(q);
                }
            }
        }
        return out;
    }

    /** The words of a query, in a fixed order: "A B" and "B A" find the same records. */
    private static String pairKey(String q) {
        return java.util.Arrays.stream(q.split(" ")).sorted().distinct().collect(java.util.stream.Collectors.joining(" "));
    }

    private static void api(String base, int i) throws Exception {
        api(base, query(i));
    }

    private static void api(String base, String q) throws Exception {
        BlockingGet.get(base + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&size=20&facets=" + String.join(",", FACETS));
    }

    /** The portal's results page for query {@code i} (every facet, as a reader gets it); returns its size. */
    private static long page(String base, int i) throws Exception {
        return page(base, query(i));
    }

    private static long page(String base, String q) throws Exception {
        return BlockingGet.get(base + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private static void direct(Searcher searcher, int i) {
        direct(searcher, i, true, FACETS);
    }

    private static void direct(Searcher searcher, int i, boolean clusters, List<String> facets) {
        direct(searcher, query(i), clusters, facets);
    }

    private static void direct(Searcher searcher, String q, boolean clusters, List<String> facets) {
        searcher.search(new SearchQuery(new KuraQueryParser().parse(q), Map.of(), null, null,
                SearchQuery.Sort.RELEVANCE, 1, 20, null, clusters, facets));
    }

    @FunctionalInterface
    private interface Call {
        void run(int i) throws Exception;
    }

    /** Runs {@code perClient} calls on each of {@code clients} threads; returns every latency in ms. */
    private static double[] measure(int clients, int perClient, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    double[] lat = new double[perClient];
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    for (int k = 0; k < perClient; k++) {
                        long t = System.nanoTime();
                        call.run(client * perClient + k);
                        lat[k] = (System.nanoTime() - t) / 1e6;
                    }
                    CLIENT_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                    return lat;
                }));
            }
            List<Double> all = new ArrayList<>();
            for (Future<double[]> f : futures) {
                for (double d : f.get()) {
                    all.add(d);
                }
            }
            return all.stream().mapToDouble(Double::doubleValue).toArray();
        } finally {
            pool.shutdownNow();
        }
    }


    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** CPU time of the benchmark's own client threads in {@link #measure} so far. */
    private static final java.util.concurrent.atomic.AtomicLong CLIENT_CPU_NANOS = new java.util.concurrent.atomic.AtomicLong();

    /** CPU time so far of the HTTP server's request threads (long-lived, so differences between two readings count). */
    private static long serverCpuNanos() {
        long sum = 0;
        for (java.lang.management.ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("JettyServerThreadPool")) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getThreadId()));
            }
        }
        return sum;
    }

    /** Runs calls at {@code clients} threads for at least {@value #WARM_UP_CALLS} calls and 10 seconds. */
    private static void warmUp(int clients, Call call) throws Exception {
        long start = System.nanoTime();
        int done = 0;
        while (done < WARM_UP_CALLS || System.nanoTime() - start < 10_000_000_000L) {
            measure(clients, 50, call);
            done += clients * 50;
        }
    }

    private static final int WARM_UP_CALLS = 3_000;

    /** Waits (at most 15 minutes) until no Lucene merge thread has run for a second. */
    private static void awaitMerges(PrintStream log) throws InterruptedException {
        long start = System.nanoTime();
        int quiet = 0;
        while (quiet < 4 && System.nanoTime() - start < 900_000_000_000L) {
            boolean merging = Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("Lucene Merge Thread"));
            quiet = merging ? 0 : quiet + 1;
            Thread.sleep(250);
        }
        log.printf("bench search: waited %.1f s for the index's merges to finish%n", seconds(start));
    }

    /** The process's CPU time and the collectors' pause time so far (or between two such readings). */
    private record Usage(double cpuMillis, long gcMillis, double clientMillis, double serverMillis) {
        static final Usage ZERO = new Usage(0, 0, 0, 0);

        static Usage now() {
            double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e6;
            long gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
            return new Usage(cpu, gc, CLIENT_CPU_NANOS.get() / 1e6, serverCpuNanos() / 1e6);
        }

        Usage minus(Usage o) {
            return new Usage(cpuMillis - o.cpuMillis, gcMillis - o.gcMillis, clientMillis - o.clientMillis, serverMillis - o.serverMillis);
        }

        Usage plus(Usage o) {
            return new Usage(cpuMillis + o.cpuMillis, gcMillis + o.gcMillis, clientMillis + o.clientMillis, serverMillis + o.serverMillis);
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
