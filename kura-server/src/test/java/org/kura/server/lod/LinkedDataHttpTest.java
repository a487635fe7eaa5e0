package org.kura.server.lod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.Page;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.ingest.oai.OaiClientSettings;
import org.kura.ingest.pipeline.HarvestOptions;
import org.kura.ingest.pipeline.HarvestService;
import org.kura.ingest.pipeline.ProgressListener;
import org.kura.lod.DcNdlMapper;
import org.kura.lod.SparqlStore;
import org.kura.lod.UriScheme;
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
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.server.KuraServer;
import org.kura.server.RecordRoutes;
import org.kura.server.ServerSettings;
import org.kura.server.oai.OaiDcFormat;
import org.kura.server.oai.OaiPmhRoutes;

/** Records as RDF by suffix and Accept, the SPARQL endpoint, and DC-NDL over OAI-PMH harvested back by Kura. */
class LinkedDataHttpTest {
    @TempDir
    Path dir;
    CatalogStore store;
    SparqlStore sparql;
    KuraServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(Provider.of("ndl", "国立国会図書館"));
        List<Page.Entry> page = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Record r = Record.builder("R" + i, "ndl").materialType(MaterialType.BOOK)
                    .title(new Title("銀河鉄道の夜 " + i, "ギンガ テツドウ ノ ヨル", TitleType.MAIN, "ja"))
                    .agent(new Agent("宮沢, 賢治", "ミヤザワ, ケンジ", Role.AUTHOR, List.of(), null))
                    .date(new DateValue("1934", LocalDate.of(1934, 1, 1), LocalDate.of(1934, 12, 31), DateType.ISSUED, false))
                    .identifier(Identifiers.normalize(IdentifierType.ISBN, "9784003101018")).language("jpn").build();
            page.add(new Page.Accepted(new RawRecord("ndl", r.id(), "csv", null, false, List.of(), ("r" + i).getBytes(StandardCharsets.UTF_8)), r));
        }
        store.commit(new Page(0, "ndl", page, null));
        UriScheme uris = new UriScheme("http://localhost");
        DcNdlMapper mapper = new DcNdlMapper(uris);
        sparql = new SparqlStore(dir.resolve("tdb"), uris, 1500, 100);
        sparql.catchUp(store);
        OaiPmhRoutes oai = new OaiPmhRoutes(store, new OaiPmhRoutes.Settings("Kura", "http://localhost/oai", "a@example.org",
                "kura.example.org", 5, Duration.ofHours(1), "0123456789abcdef0123".getBytes(StandardCharsets.UTF_8)),
                List.of(new OaiDcFormat(), new DcNdlOaiFormat(mapper)), Clock.systemUTC());
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", "test-admin-token-0123456789"),
                KuraServer.newMetricsRegistry(), List.of(new RecordRoutes(store, RdfRecordFormat.all(mapper)), new SparqlRoutes(sparql), oai))
                .start();
    }

    @AfterEach
    void stop() {
        server.close();
        sparql.close();
        store.close();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Model parse(String body, Lang lang) {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
        return m;
    }

    @Test
    void recordsAreRdfBySuffixAndByAccept() throws Exception {
        HttpResponse<String> ttl = get("/api/records/R1.ttl");
        assertThat(ttl.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");
        assertThat(parse(ttl.body(), Lang.TURTLE).listObjects().toList().toString()).contains("銀河鉄道の夜 1");
        HttpResponse<String> xml = get("/api/records/R1", "Accept", "application/rdf+xml");
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/rdf+xml");
        assertThat(parse(xml.body(), Lang.RDFXML).isIsomorphicWith(parse(ttl.body(), Lang.TURTLE))).isTrue();
        assertThat(parse(get("/api/records/R1.nt").body(), Lang.NTRIPLES).size()).isPositive();
        assertThat(parse(get("/api/records/R1", "Accept", "application/ld+json").body(), Lang.JSONLD11).size()).isPositive();
    }

    @Test
    void sparqlAnswersQueriesAndRefusesWhatItMust() throws Exception {
        String q = "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?s WHERE { ?s dcterms:title \"銀河鉄道の夜 3\"@ja }";
        HttpResponse<String> r = get("/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/sparql-results+json");
        assertThat(r.body()).contains("/id/record/ndl/R3#material");
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sparql"))
                .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(q)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.body()).startsWith("s").contains("R3#material");
        assertThat(get("/sparql?query=" + URLEncoder.encode("SELECT WHERE {", StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(get("/sparql?query=" + URLEncoder.encode("DROP ALL", StandardCharsets.UTF_8)).body()).contains("read-only");
        assertThat(get("/sparql").statusCode()).isEqualTo(400);
        HttpResponse<String> runaway = get("/sparql?query=" + URLEncoder.encode(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }", StandardCharsets.UTF_8));
        assertThat(runaway.statusCode()).isEqualTo(503);
        assertThat(runaway.body()).contains("stopped");
        HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/sparql"))
                .header("Content-Type", "application/sparql-update").POST(HttpRequest.BodyPublishers.ofString("DROP ALL")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(update.statusCode()).isEqualTo(400);
    }

    @Test
    void dcNdlOverOaiPmhIsHarvestedBackByKura() throws Exception {
        try (CatalogStore mirror = CatalogStores.open(CatalogSettings.h2(dir.resolve("mirror")))) {
            mirror.saveProvider(Provider.of("kura", "Kura").withOai("http://127.0.0.1:" + server.port() + "/oai", "dcndl", List.of()));
            HarvestRun run = new HarvestService(mirror, new StandardCrosswalks(), new OaiClientSettings("t", Duration.ofSeconds(10), 1,
                    Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO, 64L << 20, 1L << 20))
                    .harvest("kura", HarvestOptions.incremental(), ProgressListener.NONE);
            assertThat(run.state()).as(run.error()).isEqualTo(HarvestRun.State.COMPLETED);
            assertThat(run.stored()).isEqualTo(12);
            assertThat(run.quarantined()).isZero();
            Record back = mirror.record("kura", "oai:kura.example.org:ndl:R4").orElseThrow().normalized();
            assertThat(back.mainTitle()).isEqualTo("銀河鉄道の夜 4");
            assertThat(back.titles().get(0).reading()).isEqualTo("ギンガ テツドウ ノ ヨル");
            assertThat(back.agents().get(0).reading()).isEqualTo("ミヤザワ, ケンジ");
            assertThat(back.identifiers(IdentifierType.ISBN)).isNotEmpty();
        }
    }
}
