package org.kura.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.HarvestRun;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.ingest.oai.Granularity;
import org.kura.ingest.oai.OaiClientSettings;
import org.kura.ingest.oai.OaiPmhClient;
import org.kura.ingest.pipeline.ConsoleProgress;
import org.kura.ingest.pipeline.HarvestOptions;
import org.kura.ingest.pipeline.HarvestService;
import org.kura.model.Provider;
import org.kura.testkit.OaiPmhTestServer;
import org.kura.testkit.SyntheticCorpus;

/**
 * {@code kura bench ingest}: serves a generated corpus from a local OAI-PMH server and, in the same
 * run, measures (a) the OAI-PMH client parsing every page alone and (b) the full harvest — parse,
 * crosswalk, commit to the embedded H2 catalog — so the overhead shows as a ratio. Reports the peak
 * heap, for the constant-memory claim.
 */
public final class IngestBench {

    /** What to run. */
    public record Options(int records, List<String> formats, int pageSize, Path workDir) {
    }

    /** One format's figures. */
    public record Result(String format, int records, double parseOnlyPerSecond, double fullPerSecond,
                         long peakHeapBytes, long maxHeapBytes, HarvestRun run) {
        public double overhead() {
            return parseOnlyPerSecond / fullPerSecond;
        }

        public String markdownRow() {
            return String.format("| %s | %,d | %,.0f | %,.0f | %.2f× | %,d MB | %,d MB | %s |", format, records,
                    parseOnlyPerSecond, fullPerSecond, overhead(), peakHeapBytes >> 20, maxHeapBytes >> 20,
                    run.reconciles() ? "yes" : "NO");
        }
    }

    public static final String HEADER = "| format | records | parse-only rec/s | full harvest rec/s | parse/full | peak heap | max heap | counts reconcile |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---|";

    private final PrintStream log;

    public IngestBench(PrintStream log) {
        this.log = log;
    }

    public List<Result> run(Options options) throws IOException, InterruptedException {
        Files.createDirectories(options.workDir());
        SyntheticCorpus corpus = new SyntheticCorpus(42);
        try (OaiPmhTestServer server = OaiPmhTestServer.builder(corpus.records(options.records()))
                .pageSize(options.pageSize()).start()) {
            return options.formats().stream().map(f -> {
                try {
                    return runFormat(server.baseUrl(), f, options);
                } catch (IOException | InterruptedException | org.kura.ingest.oai.OaiPmhException e) {
                    throw new IllegalStateException("benchmark of " + f + " failed: " + e.getMessage(), e);
                }
            }).toList();
        }
    }

    private Result runFormat(URI base, String format, Options options)
            throws IOException, InterruptedException, org.kura.ingest.oai.OaiPmhException {
        OaiClientSettings settings = new OaiClientSettings("Kura bench", Duration.ofSeconds(120), 2, Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ZERO, 512L << 20, 16L << 20);
        resetPeaks();
        // (a) parse only: the same responses, no crosswalk, no commit
        log.println("bench ingest " + format + ": parse only…");
        long start = System.nanoTime();
        long parsed = 0;
        OaiPmhClient client = new OaiPmhClient(settings);
        OaiPmhClient.Page page = client.listRecords(base, format, null, null, null, Granularity.SECOND);
        while (true) {
            parsed += page.response().records().size();
            String token = page.response().resumptionToken();
            if (token == null) {
                break;
            }
            page = client.resume(base, token);
        }
        double parseRate = parsed / seconds(start);

        // (b) the full harvest into a fresh embedded catalog
        Path db = options.workDir().resolve("catalog-" + format);
        deleteTree(db);
        log.println("bench ingest " + format + ": full harvest…");
        HarvestRun run;
        ConsoleProgress console = new ConsoleProgress(log);
        try (CatalogStore store = CatalogStores.open(CatalogSettings.h2(db))) {
            store.saveProvider(Provider.of("bench", "ベンチマーク").withOai(base.toString(), format, List.of()));
            start = System.nanoTime();
            run = new HarvestService(store, new StandardCrosswalks(), settings)
                    .harvest("bench", HarvestOptions.incremental(), console);
            console.finish(null);
        }
        double fullRate = run.harvested() / seconds(start);
        deleteTree(db);
        if (run.state() != HarvestRun.State.COMPLETED) {
            throw new IllegalStateException("the benchmark harvest did not complete: " + run.error());
        }
        return new Result(format, (int) parsed, parseRate, fullRate, peakHeap(), Runtime.getRuntime().maxMemory(), run);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
