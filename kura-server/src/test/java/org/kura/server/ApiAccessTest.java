package org.kura.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.model.Provider;

/** Rate limits, API keys, proxies and CORS through real HTTP. */
class ApiAccessTest {
    static final String ADMIN = "test-admin-token-0123456789";
    @TempDir
    Path dir;
    CatalogStore store;
    KuraServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void open() {
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(Provider.of("lib", "図書館"));
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        store.close();
    }

    void start(int anonymousPerMinute, List<String> trustedProxies) {
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", ADMIN),
                KuraServer.newMetricsRegistry(), List.of(new ProviderRoutes(store, org.kura.catalog.RecordJson.mapper()),
                new ApiKeyRoutes(store), new HealthRoutes(Map.of("catalog", () -> true))))
                .apiAccess(new ApiAccess(new ApiAccess.Settings(anonymousPerMinute, trustedProxies), store)).start();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anonymousClientsAreLimitedAndToldWhenToRetry() throws Exception {
        start(5, List.of());
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = get("/api/providers");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("RateLimit-Limit")).contains("5");
            assertThat(ok.headers().firstValue("RateLimit-Remaining")).contains(Integer.toString(4 - i));
        }
        HttpResponse<String> over = get("/api/providers");
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 12L);
        assertThat(get("/health").statusCode()).as("health is never limited").isEqualTo(200);
        assertThat(get("/api/admin/apikeys", "Authorization", "Bearer " + ADMIN).statusCode())
                .as("staff with the admin token are not limited").isEqualTo(200);
    }

    @Test
    void anApiKeyRaisesTheLimitAndAnUnknownKeyIsRefused() throws Exception {
        start(2, List.of());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/admin/apikeys")).header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"researcher\",\"perMinute\":50}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String key = created.body().replaceAll("(?s).*\"key\":\"([^\"]+)\".*", "$1");
        assertThat(key).startsWith("kura_");
        assertThat(store.apiKeys()).singleElement().satisfies(k -> assertThat(k.keyHash()).isNotEqualTo(key));
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> r = get("/api/providers", "X-API-Key", key);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("RateLimit-Limit")).contains("50");
        }
        assertThat(get("/api/providers?api_key=" + key).statusCode()).isEqualTo(200);
        assertThat(get("/api/providers", "X-API-Key", "kura_forged").statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/apikeys", "Authorization", "Bearer " + ADMIN).body()).contains("researcher")
                .doesNotContain(key);
    }

    @Test
    void forwardedForIsBelievedOnlyFromTrustedProxies() throws Exception {
        start(2, List.of());
        get("/api/providers", "X-Forwarded-For", "10.0.0.1");
        get("/api/providers", "X-Forwarded-For", "10.0.0.2");
        assertThat(get("/api/providers", "X-Forwarded-For", "10.0.0.3").statusCode())
                .as("a client cannot get a fresh bucket by writing X-Forwarded-For itself").isEqualTo(429);
        server.close();

        start(2, List.of("127.0.0.1"));
        for (String client : List.of("10.0.0.1", "10.0.0.2", "10.0.0.3")) {
            assertThat(get("/api/providers", "X-Forwarded-For", client).statusCode()).isEqualTo(200);
            assertThat(get("/api/providers", "X-Forwarded-For", client).statusCode()).isEqualTo(200);
        }
        assertThat(get("/api/providers", "X-Forwarded-For", "10.0.0.1").statusCode()).isEqualTo(429);
        assertThat(get("/api/providers", "X-Forwarded-For", "10.0.0.1, 10.0.0.9").statusCode())
                .as("only the hop the trusted proxy added counts").isEqualTo(200);
        assertThat(get("/api/providers", "X-Forwarded-For", "10.0.0.9").statusCode()).isEqualTo(200);
    }

    @Test
    void corsAllowsAnyOriginAndAnswersPreflight() throws Exception {
        start(0, List.of());
        HttpResponse<String> r = get("/api/providers", "Origin", "https://example.org");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValueSatisfying(v ->
                assertThat(v).isIn("*", "https://example.org"));
        HttpResponse<String> pre = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/providers")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pre.statusCode()).isEqualTo(200);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
    }

    @Test
    void etagsGiveNotModified() throws Exception {
        start(0, List.of());
        HttpResponse<String> first = get("/api/providers");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]+-[0-9a-f]+\"");
        HttpResponse<String> notModified = get("/api/providers", "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        // a list of tags, and the weak form a proxy may have turned it into
        assertThat(get("/api/providers", "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/providers", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        store.saveProvider(Provider.of("museum", "美術館"));
        HttpResponse<String> changed = get("/api/providers", "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).isNotEqualTo(etag));
        assertThat(changed.body()).contains("museum");
    }
}
