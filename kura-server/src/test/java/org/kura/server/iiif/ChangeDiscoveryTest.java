package org.kura.server.iiif;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.server.KuraServer;
import org.kura.server.LinkedDataRoutes;
import org.kura.server.RecordRoutes;
import org.kura.server.ServerSettings;

/** IIIF Change Discovery over the change log, and Linked Data URIs redirecting to descriptions. */
class ChangeDiscoveryTest {
    @TempDir
    Path dir;
    CatalogStore store;
    KuraServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(Provider.of("lib", "図書館"));
        List<Page.Entry> page = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            Record.Builder b = Record.builder("id " + i, "lib").title(new Title("本 " + i, null, TitleType.MAIN, "ja"));
            if (i == 7) {
                b.link(new Link("https://iiif.example.org/7/manifest", LinkKind.IIIF_MANIFEST, null));
            }
            Record r = b.build();
            page.add(new Page.Accepted(new RawRecord("lib", r.id(), "csv", null, false, List.of(),
                    r.mainTitle().getBytes(StandardCharsets.UTF_8)), r));
        }
        store.commit(new Page(0, "lib", page, null));
        Record changed = Record.builder("id 1", "lib").title(new Title("改訂", null, TitleType.MAIN, "ja")).build();
        store.commit(new Page(0, "lib", List.of(new Page.Accepted(new RawRecord("lib", "id 1", "csv", null, false, List.of(),
                "x".getBytes(StandardCharsets.UTF_8)), changed), new Page.Deleted(new RawRecord("lib", "id 2", "csv", null,
                true, List.of(), new byte[0]))), null));
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", "test-admin-token-0123456789"),
                KuraServer.newMetricsRegistry(), List.of(new ChangeDiscoveryRoutes(store, "https://kura.example.org"),
                new LinkedDataRoutes(), new RecordRoutes(store))).start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theChangeLogIsAnOrderedCollectionOfActivities() throws Exception {
        JsonNode c = new ObjectMapper().readTree(get("/iiif/discovery/changes").body());
        assertThat(c.path("@context").asText()).isEqualTo("http://iiif.io/api/discovery/1/context.json");
        assertThat(c.path("type").asText()).isEqualTo("OrderedCollection");
        assertThat(c.path("last").path("id").asText()).isEqualTo("https://kura.example.org/iiif/discovery/changes/page/1");

        HttpResponse<String> firstPage = get("/iiif/discovery/changes/page/0");
        assertThat(firstPage.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
        JsonNode p0 = new ObjectMapper().readTree(firstPage.body());
        assertThat(p0.path("orderedItems")).hasSize(100);
        assertThat(p0.path("orderedItems").get(0).path("type").asText()).isEqualTo("Create");
        assertThat(p0.path("orderedItems").get(7).path("object").path("type").asText()).isEqualTo("Manifest");
        assertThat(p0.path("orderedItems").get(7).path("object").path("id").asText()).isEqualTo("https://iiif.example.org/7/manifest");
        assertThat(p0.path("orderedItems").get(0).path("object").path("id").asText())
                .isEqualTo("https://kura.example.org/id/record/lib/id%200");
        assertThat(p0.path("next").path("id").asText()).endsWith("/page/1");
        assertThat(p0.has("prev")).isFalse();

        JsonNode p1 = new ObjectMapper().readTree(get("/iiif/discovery/changes/page/1").body());
        JsonNode items = p1.path("orderedItems");
        assertThat(items).hasSize(52);
        assertThat(items.get(50).path("type").asText()).isEqualTo("Update");
        assertThat(items.get(51).path("type").asText()).isEqualTo("Delete");
        assertThat(p1.path("startIndex").asLong()).isEqualTo(100);

        assertThat(get("/iiif/discovery/changes/page/2").statusCode()).isEqualTo(404);
        assertThat(get("/iiif/discovery/changes/page/-1").statusCode()).isEqualTo(404);
        assertThat(get("/iiif/discovery/changes/page/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void linkedDataUrisSeeOtherToTheDescription() throws Exception {
        HttpResponse<String> r = get("/id/record/lib/id%200");
        assertThat(r.statusCode()).isEqualTo(303);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/records/id%200?provider=lib");
        assertThat(get(location).body()).contains("本 0");
        assertThat(get("/id/record/..%2F..%2Fetc/x").statusCode()).isEqualTo(404);
    }
}
