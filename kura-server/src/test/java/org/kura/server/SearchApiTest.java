package org.kura.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.catalog.RecordJson;
import org.kura.model.Agent;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Role;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.search.EmbeddedSolrBackend;
import org.kura.search.Indexer;
import org.kura.search.Searcher;

/** {@code /api/search} and {@code /api/suggest} over a real embedded Solr fed by the real indexer. */
class SearchApiTest {
    static Path dir;
    static CatalogStore store;
    static EmbeddedSolrBackend solr;
    static KuraServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kura-search-api");
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(Provider.of("lib", "図書館"));
        for (String[] t : new String[][] {{"a", "國學の本義", "山田, 孝雄"}, {"b", "国学の研究", "芳賀, 矢一"},
            {"c", "<script>alert(1)</script>", "悪意, ある"}}) {
            Record r = Record.builder(t[0], "lib").title(new Title(t[1], null, TitleType.MAIN, "ja"))
                    .agent(Agent.of(t[2], Role.AUTHOR)).build();
            store.commit(new Page(0, "lib", List.of(new Page.Accepted(new RawRecord("lib", t[0], "csv", null, false,
                    List.of(), t[1].getBytes(StandardCharsets.UTF_8)), r)), null));
        }
        solr = new EmbeddedSolrBackend(dir.resolve("solr"), "kura");
        new Indexer(store, solr).catchUp();
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", "test-admin-token-0123456789"),
                KuraServer.newMetricsRegistry(), List.of(new SearchRoutes(new Searcher(solr), new org.kura.search.GeoSearch(solr)),
                new HealthRoutes(Map.of("search", solr::healthy)))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        solr.close();
        store.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void searchReturnsRecordsFacetsAndTotal() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + enc("国学"));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = RecordJson.mapper().readTree(r.body());
        assertThat(body.path("total").asLong()).isEqualTo(2);
        assertThat(body.path("hits")).hasSize(2);
        assertThat(body.path("facets").path("provider").get(0).path("value").asText()).isEqualTo("lib");
        assertThat(RecordJson.mapper().readTree(get("/api/search?cql=" + enc("dc.title = 国学の研究")).body())
                .path("total").asLong()).isEqualTo(1);
    }

    @Test
    void pagesCarryLinksInTheBodyAndTheLinkHeader() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + enc("国学") + "&size=1&facets=provider");
        JsonNode body = RecordJson.mapper().readTree(r.body());
        assertThat(body.path("facets").has("provider")).isTrue();
        assertThat(body.path("facets").has("language")).as("only the facets asked for").isFalse();
        assertThat(body.path("links").path("next").asText()).contains("page=2").contains("size=1");
        assertThat(body.path("links").path("last").asText()).contains("page=2");
        assertThat(body.path("links").has("prev")).isFalse();
        assertThat(r.headers().firstValue("Link").orElse("")).contains("rel=\"next\"");
        JsonNode second = RecordJson.mapper().readTree(get(body.path("links").path("next").asText()).body());
        assertThat(second.path("hits")).hasSize(1);
        assertThat(second.path("links").has("next")).isFalse();
        assertThat(second.path("links").path("prev").asText()).contains("page=1");
        assertThat(get("/api/search?q=x&facets=colour").statusCode()).isEqualTo(400);
    }

    @Test
    void badInputIsA400OrResultsNeverA500() throws Exception {
        assertThat(get("/api/search?cql=" + enc("dc.colour = red")).statusCode()).isEqualTo(400);
        assertThat(get("/api/search?cql=" + enc("(unclosed")).statusCode()).isEqualTo(400);
        assertThat(get("/api/search?sort=sideways").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?page=100000").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?size=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/search?cursor=" + enc("not-a-cursor")).statusCode()).isEqualTo(400);
        assertThat(get("/api/search?colour=red").statusCode()).isEqualTo(200); // unknown parameters are ignored
        for (String q : List.of("{!xmlparser v='<a/>'}", "\"", "a".repeat(2_000), "\u0000\u0001", "*:*")) {
            HttpResponse<String> r = get("/api/search?q=" + enc(q));
            assertThat(r.statusCode()).as(q.substring(0, Math.min(q.length(), 20))).isEqualTo(200);
        }
        // a 10,000-character query is longer than a URL may be: a clear 414, never a 500
        assertThat(get("/api/search?q=" + "a".repeat(10_000)).statusCode()).isEqualTo(414);
        HttpResponse<String> huge = get("/api/search?size=100000");
        assertThat(RecordJson.mapper().readTree(huge.body()).path("hits").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void hostileRecordContentComesBackAsJsonData() throws Exception {
        HttpResponse<String> r = get("/api/search?q=" + enc("悪意"));
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(RecordJson.mapper().readTree(r.body()).path("hits").get(0).path("title").asText())
                .isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void suggestAndHealth() throws Exception {
        JsonNode s = RecordJson.mapper().readTree(get("/api/suggest?q=" + enc("国学")).body());
        assertThat(s.path("suggestions").toString()).contains("国学の研究");
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }
}
