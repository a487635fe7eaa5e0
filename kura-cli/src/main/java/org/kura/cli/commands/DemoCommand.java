package org.kura.cli.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.cli.Wiring;
import org.kura.ingest.oai.OaiClientSettings;
import org.kura.ingest.pipeline.HarvestOptions;
import org.kura.ingest.pipeline.HarvestService;
import org.kura.ingest.source.ColumnMapping;
import org.kura.ingest.source.RecordSources;
import org.kura.model.Provider;
import org.kura.model.ProviderKind;
import org.kura.model.ReuseCondition;
import org.kura.server.KuraServer;
import org.kura.testkit.OaiPmhTestServer;
import org.kura.testkit.SyntheticCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Load the bundled sample data (DC-NDL, JPCOAR, MARC 21, CSV), harvest a local OAI-PMH test "
                + "repository, then serve the portal and APIs.", "Running it again changes nothing (imports are idempotent)."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--port", defaultValue = "-1", description = "Port (default from configuration, 8080).") int port;
    @Option(names = "--no-serve", description = "Load the data and exit.") boolean noServe;
    @Option(names = "--oai-records", defaultValue = "2000", description = "Records in the local OAI-PMH test repository.")
    int oaiRecords;

    /** The demo's DOI prefix when none is configured: 10.99999 is not a registered prefix, so its DOIs resolve only locally. */
    static final String DEMO_DOI_PREFIX = "10.99999";

    private static final String CSV_MAPPING = "id=id,title=title,title_reading=title_reading,creator=creator,date=date,"
            + "type=type,subject=subject|;,description=description,rights=rights,access=access,language=language,"
            + "coordinates=coordinates";

    /**
     * Two demo readers (one print-disabled) with one random password, kept in {@code <data>/demo-readers}
     * (owner-only, as the admin token) so that a second demo run prints the same one.
     */
    static String demoReaders(Wiring w) {
        String password = w.secret("demo-readers");
        if (w.catalog().reader("demo-reader").isEmpty() || w.catalog().reader("demo-reader-pd").isEmpty()) {
            String hash = org.kura.catalog.Passwords.hash(password);
            w.catalog().saveReader(new org.kura.catalog.Reader("demo-reader", "デモ利用者", "JP", false, hash, false, java.time.Instant.now()));
            w.catalog().saveReader(new org.kura.catalog.Reader("demo-reader-pd", "デモ利用者（視覚障害者等）", "JP", true, hash, false,
                    java.time.Instant.now()));
        }
        return password;
    }

    @Override
    public Integer call() throws Exception {
        // the demo's items are for trying Kura out: always on the file system, never written into a bucket
        Wiring wiring = new Wiring(common.load().withFileSystemStorage());
        CatalogStore store = wiring.catalog();
        Path samples = wiring.dataDir().resolve("samples");
        Files.createDirectories(samples);
        System.out.println("Kura demo: data directory " + wiring.dataDir());
        for (String[] line : index()) {
            String file = line[0];
            String format = line[1];
            String provider = line[2];
            if (line.length > 3) {
                String[] names = line[3].split("\\|");
                if (store.provider(provider).isEmpty()) {
                    store.saveProvider(new Provider(provider, names[0], names[1], null, ProviderKind.valueOf(names[2]),
                            null, format, List.of(), null, null, ReuseCondition.CC0, null));
                }
            }
            Path copy = samples.resolve(file);
            try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/" + file)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            ColumnMapping mapping = format.equals("csv") ? ColumnMapping.parse(CSV_MAPPING) : null;
            HarvestRun run = wiring.importService().importFrom(provider, format,
                    RecordSources.open(copy, format, provider, mapping), file, p -> { });
            System.out.printf("  imported %-28s → %-7s %s: %d stored, %d unchanged, %d quarantined%n", file, provider,
                    run.state(), run.stored(), run.unchanged(), run.quarantined());
        }

        OaiPmhTestServer oai = OaiPmhTestServer.builder(new SyntheticCorpus(2026).records(oaiRecords)).pageSize(200).start();
        store.saveProvider(new Provider("demo-oai", "OAI-PMH テストリポジトリ", "OAI-PMH test repository", null,
                ProviderKind.AGGREGATOR, oai.baseUrl().toString(), "dcndl", List.of(), "P1D", ReuseCondition.CC_BY,
                ReuseCondition.CC0, null));
        OaiClientSettings local = new OaiClientSettings("Kura demo", Duration.ofSeconds(30), 3, Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ZERO, 256L << 20, 16L << 20);
        RunOutput out = new RunOutput(false);
        System.out.println("  harvesting " + oai.baseUrl() + " (DC-NDL, " + oaiRecords + " generated records)");
        out.finish(new HarvestService(store, wiring.crosswalks(), local).harvest("demo-oai", HarvestOptions.incremental(),
                out.listener()));

        System.out.println("  digitized items (OCFL under " + wiring.dataDir().resolve("ocfl") + "):");
        List<String> withText = DemoItems.load(wiring, wiring.dataDir().resolve("work").resolve("demo-items"));
        int textPages = 0;
        for (String id : withText) {
            textPages += wiring.indexTextWithoutCommit(id);
        }
        wiring.textIndex().commit();
        System.out.println("  full text: " + textPages + " page(s) of " + withText.size() + " item(s) indexed");
        java.util.List<org.kura.catalog.DoiEntry> dois = wiring.doiMinter(DEMO_DOI_PREFIX).mintAll();
        System.out.println("  DOIs: " + dois.size() + " item(s), e.g. " + (dois.isEmpty() ? "—" : dois.get(0).doi())
                + (wiring.config().doi().enabled() ? "" : " (demo prefix " + DEMO_DOI_PREFIX + ": not registered, resolves only here)"));
        String readerPassword = demoReaders(wiring);
        DemoCuration.load(new org.kura.server.portal.Curation(store));
        System.out.println("  theme portal /themes/ndl-collection and gallery /galleries/soseki-hokusai");

        org.kura.search.Indexer.IndexReport indexed = wiring.indexer().catchUp();
        System.out.printf("  indexed %d records for search (%d deleted)%n", indexed.indexed(), indexed.deleted());
        long triples = wiring.sparqlStore().catchUp(store);
        System.out.printf("  SPARQL store: %d changes applied%n", triples);
        for (org.kura.server.datasets.DumpFormat f : wiring.dumpFormats()) {
            org.kura.server.datasets.Dataset d = wiring.datasetExporter().export(f, null, null, n -> { });
            System.out.printf("  dataset %s: %d records%n", d.file(), d.records());
        }
        if (noServe) {
            oai.close();
            wiring.close();
            return 0;
        }
        KuraServer server = wiring.server(port).start();
        wiring.followChangeLog(Duration.ofSeconds(5));
        System.out.println();
        System.out.println("Open http://localhost:" + server.port() + "/ in a browser (the portal, 日本語 / English). Try also:");
        System.out.println("  http://localhost:" + server.port() + "/search?q=" + java.net.URLEncoder.encode("国学", StandardCharsets.UTF_8)
                + "      (results page)");
        System.out.println("  http://localhost:" + server.port() + "/records/ndl/"
                + java.net.URLEncoder.encode("https://kura.example/demo/ndl-classics/001", StandardCharsets.UTF_8)
                + "   (a record with its digitized item in the viewer)");
        System.out.println("  http://localhost:" + server.port() + "/themes/ndl-collection   http://localhost:" + server.port()
                + "/galleries/soseki-hokusai   http://localhost:" + server.port() + "/admin  (staff; the admin token below)");
        System.out.println("  http://localhost:" + server.port() + "/api/search?q=" + java.net.URLEncoder.encode("国学", StandardCharsets.UTF_8));
        System.out.println("  http://localhost:" + server.port() + "/api/providers");
        System.out.println("  http://localhost:" + server.port() + "/api/records/"
                + java.net.URLEncoder.encode("https://kura.example/demo/ndl-classics/001", StandardCharsets.UTF_8));
        System.out.println("  curl -H \"Authorization: Bearer $(cat " + wiring.dataDir().resolve("admin-token")
                + ")\" http://localhost:" + server.port() + "/api/admin/harvests");
        String base = "http://localhost:" + server.port();
        System.out.println("  " + base + "/oai?verb=ListRecords&metadataPrefix=jpcoar_2.0      (OAI-PMH)");
        System.out.println("  " + base + "/sru?query=dc.title%3D%E5%9B%BD%E5%AD%A6              (SRU)");
        System.out.println("  " + base + "/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%2010");
        System.out.println("  " + base + "/datasets   " + base + "/api/openapi.json   " + base + "/iiif/discovery/changes");
        System.out.println("  " + base + "/iiif/3/demo-public/manifest   (PUBLIC; demo-library, demo-onsite and demo-withheld");
        System.out.println("      answer 401 unless you are an institution, a terminal or staff: see kura institution --help)");
        System.out.println("  " + base + "/fulltext?q=" + java.net.URLEncoder.encode("無鉄砲", StandardCharsets.UTF_8)
                + "   (full text: the public book's passages, the LIBRARY book's location and short snippets)");
        System.out.println("  " + base + "/iiif/3/demo-public/search?q=" + java.net.URLEncoder.encode("名前", StandardCharsets.UTF_8)
                + "   (IIIF Content Search; " + base + "/api/items/demo-public/text.epub for the EPUB)");
        System.out.println("  " + base + "/login   readers demo-reader (sees LIBRARY items) and demo-reader-pd (print-disabled: also their"
                + " text), password: " + readerPassword);
        wiring.catalog().doiOfItem("demo-public").ifPresent(d -> System.out.println("  " + base + "/doi/" + d.doi()
                + "   (the item's DOI resolves to its record page; ./kura doi xml " + d.doi() + " --format datacite|jalc)"));
        System.out.println("  ./kura harvest demo-oai     (while the demo runs: an incremental harvest, all unchanged)");
        ServeCommand.serveUntilInterrupted(wiring, server);
        oai.close();
        return 0;
    }

    private static List<String[]> index() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/samples/index.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
                String[] p = l.strip().split("\\s+", 4);
                return p.length == 4 && p[3].equals("-") ? new String[] {p[0], p[1], p[2]} : p;
            }).toList();
        }
    }
}
