package org.kura.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kura.bench.IngestBench;
import org.kura.cli.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "End-to-end benchmarks; results as Markdown rows.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Relevance.class, BenchCommand.Search.class, BenchCommand.Api.class,
            BenchCommand.Iiif.class, BenchCommand.FullText.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "relevance", mixinStandardHelpOptions = true,
            description = "nDCG@10 and recall@10 per query class of the judged query set over the fixture corpus "
                    + "(in a scratch index under <data>/bench).")
    static final class Relevance implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--details", description = "Also list every query that is not perfect.") boolean details;

        @Override
        public Integer call() throws Exception {
            Path work;
            try (Wiring w = new Wiring(common.load())) {
                work = w.dataDir().resolve("bench").resolve("relevance-" + System.currentTimeMillis());
            }
            org.kura.search.RelevanceBench.Report r = new org.kura.search.RelevanceBench().run(work);
            System.out.println(org.kura.search.RelevanceBench.HEADER);
            r.classes().forEach(c -> System.out.println(c.markdownRow()));
            if (details) {
                r.queries().stream().filter(q -> q.ndcg() < 1).forEach(q -> System.out.println(q.queryClass() + "\t"
                        + q.query() + "\t→ " + q.top() + "\twanted " + q.relevant()));
            }
            return 0;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Load a generated corpus into a fresh catalog, index it from the change log, then run keyword "
                    + "queries with facets at N concurrent clients through /api/search and straight to Solr."})
    static final class Search implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--records", defaultValue = "100000") int records;
        @Option(names = "--clients", defaultValue = "8") int clients;
        @Option(names = "--queries", defaultValue = "200", description = "Queries per client.") int queries;

        @Override
        public Integer call() throws Exception {
            Path work;
            try (Wiring w = new Wiring(common.load())) {
                work = w.dataDir().resolve("bench");
            }
            org.kura.bench.SearchBench.Result r = new org.kura.bench.SearchBench(System.err)
                    .run(new org.kura.bench.SearchBench.Options(records, clients, queries, work));
            System.out.println("| measure | value |\n|---|---|");
            System.out.println(r.markdown());
            return 0;
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Serve a generated corpus from a local OAI-PMH server and harvest it end to end into a fresh "
                    + "embedded catalog; also time parsing alone in the same run.",
                "For the constant-memory check: KURA_JAVA_OPTS=-Xmx512m ./kura bench ingest --records 1000000"})
    static final class Ingest implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--records", defaultValue = "100000", description = "Records (default ${DEFAULT-VALUE}).") int records;
        @Option(names = "--format", split = ",", defaultValue = "oai_dc,dcndl", description = "oai_dc, dcndl or both.")
        List<String> formats;
        @Option(names = "--page-size", defaultValue = "500") int pageSize;

        @Override
        public Integer call() throws Exception {
            Path work;
            try (Wiring w = new Wiring(common.load())) {
                work = w.dataDir().resolve("bench");
            }
            List<IngestBench.Result> results = new IngestBench(System.err)
                    .run(new IngestBench.Options(records, formats, pageSize, work));
            System.out.println(IngestBench.HEADER);
            results.forEach(r -> System.out.println(r.markdownRow()));
            return 0;
        }
    }

    @Command(name = "api", mixinStandardHelpOptions = true,
            description = {"Load a generated corpus into a fresh catalog, harvest all of it through Kura's OAI-PMH "
                    + "provider over HTTP (records/s, peak heap), then write every bulk dump (records/s).",
                "For the constant-memory check: KURA_JAVA_OPTS=-Xmx512m ./kura bench api --records 1000000"})
    static final class Api implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--records", defaultValue = "100000", description = "Records (default ${DEFAULT-VALUE}).") int records;
        @Option(names = "--dumps", split = ",", description = "Dump formats to time (default: all): jsonl, tsv, nt.")
        List<String> only;
        @Option(names = "--no-sparql", description = "Skip loading the SPARQL store and the lookups.") boolean noSparql;

        @Override
        public Integer call() throws Exception {
            Path work;
            List<org.kura.server.datasets.DumpFormat> dumps;
            try (Wiring w = new Wiring(common.load())) {
                work = w.dataDir().resolve("bench");
                dumps = w.dumpFormats().stream().filter(f -> only == null || only.contains(f.name())).toList();
            }
            List<org.kura.bench.ApiBench.Row> rows = new org.kura.bench.ApiBench(System.err)
                    .run(new org.kura.bench.ApiBench.Options(records, dumps, work, !noSparql));
            System.out.println("| measure | value | target |\n|---|---|---|");
            rows.forEach(r -> System.out.println("| " + r.measure() + " | " + r.value() + " | " + r.target() + " |"));
            return 0;
        }
    }

    @Command(name = "iiif", mixinStandardHelpOptions = true,
            description = {"Ingest a generated scan into a fresh OCFL store and measure the IIIF Image API over HTTP: "
                    + "info.json, every 512-pixel tile cold and warm, and warm tiles/s at N clients."})
    static final class Iiif implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--width", defaultValue = "6000") int width;
        @Option(names = "--height", defaultValue = "8000") int height;
        @Option(names = "--clients", defaultValue = "8") int clients;

        @Override
        public Integer call() throws Exception {
            Path work;
            try (Wiring w = new Wiring(common.load())) {
                work = w.dataDir().resolve("bench");
            }
            List<org.kura.bench.IiifBench.Row> rows = new org.kura.bench.IiifBench(System.err)
                    .run(new org.kura.bench.IiifBench.Options(width, height, clients, work));
            System.out.println("| measure | value | target |\n|---|---|---|");
            rows.forEach(r -> System.out.println("| " + r.measure() + " | " + r.value() + " | " + r.target() + " |"));
            return 0;
        }
    }

    @Command(name = "fulltext", mixinStandardHelpOptions = true,
            description = {"Generate Japanese page text and measure: indexing (pages/s), a 500-page book stored as ALTO in OCFL "
                    + "and indexed, full-text queries through /api/fulltext at N clients, IIIF Content Search inside the book, "
                    + "and Tesseract pages/min on drawn vertical pages."})
    static final class FullText implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--pages", defaultValue = "100000", description = "Pages of generated text (default ${DEFAULT-VALUE}).") int pages;
        @Option(names = "--clients", defaultValue = "8") int clients;
        @Option(names = "--queries", defaultValue = "200", description = "Queries per client.") int queries;
        @Option(names = "--ocr-pages", defaultValue = "8", description = "Pages to OCR with Tesseract (0: skip).") int ocrPages;

        @Override
        public Integer call() throws Exception {
            Path work;
            try (Wiring w = new Wiring(common.load())) {
                work = w.dataDir().resolve("bench");
            }
            List<org.kura.bench.FullTextBench.Row> rows = new org.kura.bench.FullTextBench(System.err)
                    .run(new org.kura.bench.FullTextBench.Options(pages, clients, queries, ocrPages, work));
            System.out.println("| measure | value | target |\n|---|---|---|");
            rows.forEach(r -> System.out.println("| " + r.measure() + " | " + r.value() + " | " + r.target() + " |"));
            return 0;
        }
    }
}
