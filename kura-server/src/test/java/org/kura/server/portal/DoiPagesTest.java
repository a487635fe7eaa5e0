package org.kura.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.catalog.DoiEntry;
import org.kura.catalog.ItemEntry;
import org.kura.lod.SchemaOrgMapper;
import org.kura.lod.UriScheme;
import org.kura.lod.doi.DoiMinter;
import org.kura.lod.doi.DoiPattern;
import org.kura.lod.doi.JalcSettings;
import org.kura.lod.doi.JalcXml;
import org.kura.model.AccessTier;
import org.kura.search.Searcher;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.kura.server.doi.DoiDocuments;
import org.kura.server.doi.DoiRoutes;

/**
 * DOIs over a real server on loopback: {@code /doi/…} resolves to the record page (the landing page), bad DOIs are
 * refused, the record page shows the DOIs of the items a reader may know of, and the registration XML is staff-only.
 */
class DoiPagesTest {
    static PortalFixture fixture;
    static KuraServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        fixture = new PortalFixture();
        fixture.store.saveItem(new ItemEntry("item-slashed", "lib", PortalFixture.SLASHED_ID, AccessTier.PUBLIC, null, 2, Instant.now()));
        DoiMinter minter = new DoiMinter(fixture.store, new DoiPattern("10.99999", "kura.{item}"), Clock.systemUTC());
        for (String item : List.of("item-kokugaku", "item-text", "item-secret", "item-slashed")) {
            minter.mint(item);
        }
        fixture.store.setDoiState("10.99999/kura.item-kokugaku", DoiEntry.State.FINDABLE);
        Searcher searcher = new Searcher(fixture.solr);
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", PortalFixture.ADMIN_TOKEN),
                KuraServer.newMetricsRegistry(), List.of(
                new PortalRoutes(new Pages(), fixture.store, searcher, new SchemaOrgMapper(new UriScheme("http://localhost")),
                        fixture.curation, new ItemAccess(new org.kura.server.access.AccessPolicy(),
                                new org.kura.server.access.PrincipalResolver(fixture.store, PortalFixture.ADMIN_TOKEN, List.of()))),
                new DoiRoutes(fixture.store, new DoiDocuments(fixture.store, "https://kura.example",
                        new JalcXml(new JalcSettings("SI/KURA.TEST", "02")))))).errorPage(new Pages()::renderError).start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    static HttpResponse<String> get(String rawPath, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + rawPath));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDoiResolvesToTheRecordPageInAnyCase() throws Exception {
        for (String path : List.of("/doi/10.99999/kura.item-kokugaku", "/doi/10.99999/KURA.ITEM-KOKUGAKU",
                "/doi/10.99999%2Fkura.item-kokugaku")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).as(path).hasValue("/records/lib/kokugaku-1");
        }
        HttpResponse<String> slashed = get("/doi/10.99999/kura.item-slashed");
        assertThat(slashed.statusCode()).isEqualTo(303);
        assertThat(slashed.headers().firstValue("Location")).hasValue(PortalRoutes.recordUrl("lib", PortalFixture.SLASHED_ID));
        assertThat(get(slashed.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownDoisAreNotFoundAsProblemOrPage() throws Exception {
        HttpResponse<String> api = get("/doi/10.99999/kura.nothing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        HttpResponse<String> page = get("/doi/10.99999/kura.nothing", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<html");
    }

    @Test
    void malformedDoisAreRefusedNeverAnErrorOrARedirectElsewhere() throws Exception {
        for (String path : List.of("/doi/10.99999/a..b", "/doi/10.99999/kura.item-kokugaku/..", "/doi/10.99999/..%2F..%2Fadmin",
                "/doi/10.99999%2F..%2F..%2Fapi%2Fadmin%2Fdois", "/doi/10.99999/a%00b", "/doi/10.99999/a%0D%0ALocation:%20x",
                "/doi/kura.item-kokugaku", "/doi/10.99999/" + "a".repeat(10_000), "/doi/10.99999/%E6%97%A5", "/doi/%25ZZ")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path.substring(0, Math.min(60, path.length()))).isBetween(400, 499);
            assertThat(r.headers().firstValue("Location")).isEmpty();
        }
        assertThat(get("/doi/10.99999/a..b").statusCode()).isEqualTo(400);
        assertThat(get("/doi/10.99999/" + "a".repeat(300)).statusCode()).isEqualTo(400);
    }

    @Test
    void aWithheldItemsDoiIsAnsweredAsAnUnknownOneAndRevealsNothing() throws Exception {
        HttpResponse<String> r = get("/doi/10.99999/kura.item-secret");
        HttpResponse<String> unknown = get("/doi/10.99999/kura.item-nothing");
        assertThat(r.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body().replace("item-secret", "X")).isEqualTo(unknown.body().replace("item-nothing", "X"));
        assertThat(r.body()).doesNotContain("非公開の題名").doesNotContain("kokugaku-2");
        String page = get("/records/lib/kokugaku-2").body();
        assertThat(page).doesNotContain("item-secret").doesNotContain("非公開の題名").doesNotContain("doi.org");
    }

    @Test
    void theRecordPageLinksTheDoisAndItsJsonLdNamesTheRegisteredOne() throws Exception {
        String page = get("/records/lib/kokugaku-1").body();
        assertThat(page).contains("href=\"https://doi.org/10.99999/kura.item-kokugaku\"");
        assertThat(page).contains("href=\"https://doi.org/10.99999/kura.item-text\"");
        String jsonLd = page.substring(page.indexOf("application/ld+json"), page.indexOf("</script>", page.indexOf("application/ld+json")));
        assertThat(jsonLd).contains("\"propertyID\":\"DOI\",\"value\":\"10.99999/kura.item-kokugaku\"")
                .contains("\"url\":\"https://doi.org/10.99999/kura.item-kokugaku\"")
                .doesNotContain("kura.item-text");
    }

    @Test
    void registrationXmlIsStaffOnly() throws Exception {
        String auth = "Bearer " + PortalFixture.ADMIN_TOKEN;
        String base = "/api/admin/dois/10.99999/kura.item-kokugaku";
        assertThat(get(base + "/datacite.xml").statusCode()).isEqualTo(401);
        assertThat(get(base + "/jalc.xml").statusCode()).isEqualTo(401);
        assertThat(get("/api/admin/dois").statusCode()).isEqualTo(401);
        HttpResponse<String> dc = get(base + "/datacite.xml", "Authorization", auth);
        assertThat(dc.statusCode()).isEqualTo(200);
        assertThat(dc.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/xml"));
        assertThat(dc.body()).contains("xmlns=\"http://datacite.org/schema/kernel-4\"").contains("<title xml:lang=\"ja\">國學の本義</title>")
                .contains("コクガク ノ ホンギ").contains("<publicationYear>1942</publicationYear>").contains("畝傍書房");
        HttpResponse<String> jalc = get("/api/admin/dois/10.99999/KURA.ITEM-KOKUGAKU/jalc.xml", "Authorization", auth);
        assertThat(jalc.statusCode()).isEqualTo(200);
        assertThat(jalc.body()).contains("<doi>10.99999/kura.item-kokugaku</doi>")
                .contains("<url>https://kura.example/records/lib/kokugaku-1</url>").contains("<site_id>SI/KURA.TEST</site_id>");
        HttpResponse<String> one = get(base, "Authorization", auth);
        assertThat(one.body()).contains("\"state\":\"FINDABLE\"").contains("\"item\":\"item-kokugaku\"");
        assertThat(get("/api/admin/dois", "Authorization", auth).body()).contains("kura.item-secret");
        // the record of item-slashed has no date: registration is refused with the reason, not guessed
        HttpResponse<String> noYear = get("/api/admin/dois/10.99999/kura.item-slashed/datacite.xml", "Authorization", auth);
        assertThat(noYear.statusCode()).isEqualTo(422);
        assertThat(noYear.body()).contains("publication year");
        assertThat(get("/api/admin/dois/10.99999/none/jalc.xml", "Authorization", auth).statusCode()).isEqualTo(404);
        assertThat(get("/api/admin/dois/10.99999/a..b/jalc.xml", "Authorization", auth).statusCode()).isEqualTo(400);
    }
}
