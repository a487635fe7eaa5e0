package org.kura.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.Page;
import org.kura.catalog.QuarantineEntry;
import org.kura.catalog.RecordJson;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.ingest.oai.OaiClientSettings;
import org.kura.ingest.pipeline.HarvestMonitor;
import org.kura.ingest.pipeline.HarvestOptions;
import org.kura.ingest.pipeline.HarvestService;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Title;
import org.kura.testkit.OaiPmhTestServer;
import org.kura.testkit.SyntheticCorpus;

/** The HTTP server on a real port over a real H2 catalog, spoken to with a real HTTP client. */
class ServerTest {
    static final String TOKEN = "test-admin-token-0123456789";

    @TempDir
    Path dir;
    CatalogStore store;
    KuraServer server;
    HarvestMonitor monitor = new HarvestMonitor();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = CatalogStores.open(CatalogSettings.h2(dir));
        store.saveProvider(Provider.of("lib", "図書館"));
        store.saveProvider(Provider.of("museum", "美術館"));
        commit("lib", "oai:example.org:books/1", "吾輩は猫である");
        commit("lib", "shared-id", "同じ識別子 A");
        commit("museum", "shared-id", "同じ識別子 B");
        commit("lib", "<script>alert(1)</script>", "<script>alert('x')</script>");
        store.commit(new Page(0, "lib", List.of(new Page.Deleted(new RawRecord("lib", "gone", "oai_dc", Instant.now(),
                true, List.of(), new byte[0]))), null));
        HarvestService harvests = new HarvestService(store, new StandardCrosswalks(), new OaiClientSettings("t",
                Duration.ofSeconds(5), 1, Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ZERO, 1 << 24, 1 << 20));
        HarvestLauncher launcher = id -> {
            Thread t = new Thread(() -> {
                try {
                    harvests.harvest(id, HarvestOptions.incremental(), monitor.listener());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            return "started";
        };
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", TOKEN), KuraServer.newMetricsRegistry(),
                List.of(new HealthRoutes(Map.of("catalog", () -> store.lastChangeSeq() >= 0)),
                        new RecordRoutes(store), new ProviderRoutes(store, RecordJson.mapper()),
                        new HarvestRoutes(store, monitor, launcher))).start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    void commit(String provider, String id, String title) {
        Record r = Record.builder(id, provider).title(Title.main(title)).build();
        store.commit(new Page(0, provider, List.of(new Page.Accepted(new RawRecord(provider, id, "oai_dc", null, false,
                List.of(), title.getBytes(StandardCharsets.UTF_8)), r)), null));
    }

    HttpResponse<String> get(String path, boolean admin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (admin) {
            b.header("Authorization", "Bearer " + TOKEN);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return RecordJson.mapper().readTree(r.body());
    }

    static String enc(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void recordsAreFetchedByTheirUrlEncodedProviderIdentifier() throws Exception {
        HttpResponse<String> r = get("/api/records/" + enc("oai:example.org:books/1"), false);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.path("record").path("titles").get(0).path("value").asText()).isEqualTo("吾輩は猫である");
        assertThat(body.path("provider").asText()).isEqualTo("lib");
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(r.headers().firstValue("ETag")).isPresent();
        HttpResponse<String> history = get("/api/records/" + enc("oai:example.org:books/1") + "/history", false);
        assertThat(json(history).path("versions")).hasSize(1);
    }

    @Test
    void unknownDeletedAndAmbiguousRecords() throws Exception {
        HttpResponse<String> missing = get("/api/records/nothing-here", false);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(missing).path("detail").asText()).contains("nothing-here");
        assertThat(get("/api/records/gone", false).statusCode()).isEqualTo(410);
        HttpResponse<String> ambiguous = get("/api/records/shared-id", false);
        assertThat(ambiguous.statusCode()).isEqualTo(300);
        assertThat(json(ambiguous).path("choices")).hasSize(2);
        assertThat(json(get("/api/records/shared-id?provider=museum", false)).path("record").path("titles").get(0)
                .path("value").asText()).isEqualTo("同じ識別子 B");
        assertThat(get("/api/records/%FF%FE%00", false).statusCode()).isIn(400, 404);
    }

    @Test
    void hostileIdentifiersComeBackAsDataNotMarkup() throws Exception {
        HttpResponse<String> r = get("/api/records/" + enc("<script>alert(1)</script>"), false);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void adminApiNeedsTheToken() throws Exception {
        assertThat(get("/api/admin/providers", false).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/admin/providers", null, "wrong-token").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = get("/api/admin/providers", true);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok)).hasSize(2);
        assertThat(get("/api/providers", false).statusCode()).isEqualTo(200);
    }

    @Test
    void providersAreCreatedReplacedAndRemovedOverHttp() throws Exception {
        String body = "{\"id\":\"ndl\",\"nameJa\":\"国立国会図書館\",\"kind\":\"LIBRARY\",\"oaiEndpoint\":\"https://example.org/oai\","
                + "\"metadataPrefix\":\"dcndl\",\"isil\":\"JP-1000001\"}";
        HttpResponse<String> created = send("POST", "/api/admin/providers", body, TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(store.provider("ndl").orElseThrow().isil()).isEqualTo("JP-1000001");
        assertThat(send("POST", "/api/admin/providers", body, TOKEN).statusCode()).isEqualTo(409);
        HttpResponse<String> bad = send("POST", "/api/admin/providers", "{\"id\":\"Not Valid!\",\"nameJa\":\"x\"}", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("detail").asText()).contains("provider id");
        assertThat(send("POST", "/api/admin/providers", "{not json", TOKEN).statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/admin/providers/ndl", body.replace("dcndl", "oai_dc"), TOKEN).statusCode()).isEqualTo(200);
        assertThat(store.provider("ndl").orElseThrow().metadataPrefix()).isEqualTo("oai_dc");
        assertThat(send("DELETE", "/api/admin/providers/ndl", null, TOKEN).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/admin/providers/ndl", null, TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void harvestsAreStartedAndFollowedOverHttp() throws Exception {
        try (OaiPmhTestServer oai = OaiPmhTestServer.builder(new SyntheticCorpus(3).records(300)).pageSize(50).start()) {
            store.saveProvider(Provider.of("remote", "遠隔").withOai(oai.baseUrl().toString(), "oai_dc", List.of()));
            HttpResponse<String> started = send("POST", "/api/admin/providers/remote/harvest", null, TOKEN);
            assertThat(started.statusCode()).isEqualTo(202);
            HarvestRun done = null;
            for (int i = 0; i < 100 && done == null; i++) {
                Thread.sleep(100);
                done = store.runs("remote", 1).stream().filter(r -> r.state() != HarvestRun.State.RUNNING).findFirst().orElse(null);
            }
            assertThat(done).isNotNull();
            assertThat(done.harvested()).isEqualTo(300);
            JsonNode harvests = json(get("/api/admin/harvests?provider=remote", true));
            assertThat(harvests.path("runs").get(0).path("harvested").asLong()).isEqualTo(300);
            assertThat(harvests.path("runs").get(0).path("state").asText()).isEqualTo("COMPLETED");
            assertThat(harvests.has("live")).isTrue();
            assertThat(get("/api/admin/harvests/" + done.id(), true).statusCode()).isEqualTo(200);
            assertThat(get("/api/admin/harvests/abc", true).statusCode()).isEqualTo(400);
            assertThat(send("POST", "/api/admin/providers/nobody/harvest", null, TOKEN).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void quarantineIsListedWithReasons() throws Exception {
        store.commit(new Page(0, "lib", List.of(new Page.Rejected("bad-1", "oai_dc", new byte[] {1, 2},
                QuarantineEntry.Stage.CROSSWALK, "no title")), null));
        JsonNode q = json(get("/api/admin/providers/lib/quarantine", true));
        assertThat(q.path("total").asLong()).isEqualTo(1);
        assertThat(q.path("entries").get(0).path("reason").asText()).isEqualTo("no title");
        assertThat(get("/api/admin/providers/lib/quarantine?limit=x", true).statusCode()).isEqualTo(400);
    }

    @Test
    void healthMetricsAndErrorsNeverLeakStackTraces() throws Exception {
        HttpResponse<String> health = get("/health", false);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).path("components").path("catalog").asText()).isEqualTo("UP");
        get("/api/records/" + enc("oai:example.org:books/1"), false);
        HttpResponse<String> metrics = get("/metrics", false);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("kura_http_requests_seconds_count");
        HttpResponse<String> notFound = get("/no/such/page", false);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(send("PATCH", "/api/providers", "{}", null).statusCode()).isIn(404, 405);
    }
}
