package org.kura.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.ItemEntry;
import org.kura.catalog.Passwords;
import org.kura.catalog.Reader;
import org.kura.fulltext.ContentSearch;
import org.kura.fulltext.FullTextSearch;
import org.kura.fulltext.PageTextIndex;
import org.kura.fulltext.PageTextReaders;
import org.kura.fulltext.SnippetGuard;
import org.kura.fulltext.SnippetLimits;
import org.kura.fulltext.TextIndexer;
import org.kura.fulltext.TextIngester;
import org.kura.fulltext.TextStore;
import org.kura.fulltext.export.AccessibleText;
import org.kura.fulltext.export.PlainTextExport;
import org.kura.iiif.DerivativeCache;
import org.kura.iiif.ImageLimits;
import org.kura.iiif.ImageService;
import org.kura.model.AccessTier;
import org.kura.repository.ItemIngester;
import org.kura.repository.OcflObjectStore;
import org.kura.search.EmbeddedSolrBackend;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.kura.server.fulltext.TextRoutes;
import org.kura.server.iiif.IiifRoutes;
import org.kura.server.portal.Pages;
import org.kura.server.portal.ReaderRoutes;

/**
 * Registered readers through real HTTP: sign-in at /login (a session cookie), then the access matrix of
 * a reader and a print-disabled reader over images, manifests, PDF and text; wrong passwords, lockout,
 * suspended accounts, sign-out, sign-ins from other sites and redirects off the site.
 */
class ReaderAccessTest {
    static final String ADMIN = "reader-admin-token-0123456789";
    static final String PASSWORD = "correct horse battery staple";
    static Path dir;
    static CatalogStore catalog;
    static OcflObjectStore objects;
    static PageTextIndex index;
    static KuraServer server;
    static UsageLog usage;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kura-readers");
        catalog = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        objects = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
        TextStore texts = new TextStore(objects, dir.resolve("work"));
        index = new PageTextIndex(new EmbeddedSolrBackend(dir.resolve("solr"), "text"));
        for (AccessTier tier : List.of(AccessTier.LIBRARY, AccessTier.ONSITE)) {
            String id = tier.name().toLowerCase();
            Path src = Files.createDirectories(dir.resolve("src-" + id));
            ImageIO.write(new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB), "png", src.resolve("p1.png").toFile());
            Files.write(src.resolve("all.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            new ItemIngester(objects, dir.resolve("work")).ingest(new ItemIngester.Request(src, null, tier, id, "題 " + tier, "t"));
            catalog.saveItem(new ItemEntry(id, null, null, tier, "題 " + tier, 1, Instant.now()));
            Path text = Files.createDirectories(dir.resolve("text-" + id));
            Files.writeString(text.resolve("0001.txt"), "吾輩は猫である。秘密の本文" + tier);
            new TextIngester(texts, new PageTextReaders()).ingest(id, text, "t");
            new TextIndexer(texts, index).index(new PageTextIndex.ItemInfo(id, null, null, tier, "題"));
        }
        String hash = Passwords.hash(PASSWORD);
        catalog.saveReader(new Reader("reader1", "読者 一", "JP", false, hash, false, Instant.now()));
        catalog.saveReader(new Reader("pd1", "読者 二", "JP", true, hash, false, Instant.now()));
        catalog.saveReader(new Reader("gone", null, null, false, hash, true, Instant.now()));
        ReaderSessions sessions = new ReaderSessions(catalog, Clock.systemUTC());
        PrincipalResolver principals = new PrincipalResolver(catalog, ADMIN, List.of("127.0.0.1"), sessions);
        AccessAudit audit = new AccessAudit(catalog);
        ImageService images = new ImageService(objects, ImageLimits.defaults(), new DerivativeCache(dir.resolve("cache"), 16L << 20));
        usage = new UsageLog(catalog, Clock.systemUTC());
        ItemGate gate = new ItemGate(catalog, new AccessPolicy(), principals, audit, List.of("127.0.0.1"), usage);
        TextRoutes.TextExports exports = new TextRoutes.TextExports() {
            @Override
            public void plain(String itemId, java.io.OutputStream out) throws java.io.IOException {
                new PlainTextExport().write(AccessibleText.of(itemId, "題", "ja", List.of(), texts.pages(itemId), Instant.EPOCH), out);
            }

            @Override
            public void epub(String itemId, java.io.OutputStream out) throws java.io.IOException {
                new org.kura.fulltext.export.EpubExport().write(AccessibleText.of(itemId, "題", "ja", List.of(), texts.pages(itemId),
                        Instant.EPOCH), out);
            }
        };
        Pages pages = new Pages();
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", ADMIN), KuraServer.newMetricsRegistry(), List.of(
                new IiifRoutes(images, objects, catalog, gate, "http://localhost", (item, base) -> List.of()),
                new org.kura.server.UsageRoutes(catalog, usage),
                new TextRoutes(new FullTextSearch(index, new SnippetGuard(SnippetLimits.DEFAULT, Clock.systemUTC())),
                        new ContentSearch(index, texts), texts, images, gate, exports, "http://localhost"),
                new ReaderRoutes(pages, sessions, List.of("127.0.0.1")),
                new org.kura.server.iiif.IiifAuthRoutes(gate, new AuthTokens(Clock.systemUTC()), "http://localhost")))
                .errorPage(pages::renderError).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        index.close();
        objects.close();
        catalog.close();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    static HttpResponse<String> login(String name, String password, String client, String returnTo, String origin) throws Exception {
        String form = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&return=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/login"))).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie of a successful sign-in. */
    static String session(String name) throws Exception {
        HttpResponse<String> r = login(name, PASSWORD, "192.0.2.10", "/", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static int status(String cookie, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("X-Forwarded-For", "192.0.2.10");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void readersSeeLibraryItemsAndPrintDisabledReadersAlsoTheirText() throws Exception {
        String reader = session("reader1");
        String pd = session("pd1");
        String[][] matrix = {
            // path, anonymous, reader, print-disabled reader
            {"/iiif/3/library/manifest", "401", "200", "200"},
            {"/iiif/3/image/library~1/full/max/0/default.jpg", "401", "200", "200"},
            {"/iiif/3/library/pdf", "401", "403", "403"},
            {"/api/items/library/text", "401", "403", "200"},
            {"/api/items/library/text.epub", "401", "403", "200"},
            {"/iiif/3/library/search?q=" + URLEncoder.encode("猫", StandardCharsets.UTF_8), "401", "200", "200"},
            {"/iiif/3/onsite/manifest", "401", "403", "403"},
            {"/api/items/onsite/text", "401", "403", "403"},
        };
        for (String[] row : matrix) {
            assertThat(status(null, row[0])).as("anonymous " + row[0]).isEqualTo(Integer.parseInt(row[1]));
            assertThat(status(reader, row[0])).as("reader " + row[0]).isEqualTo(Integer.parseInt(row[2]));
            assertThat(status(pd, row[0])).as("print-disabled reader " + row[0]).isEqualTo(Integer.parseInt(row[3]));
        }
        assertThat(catalog.auditLog(1000)).anyMatch(e -> e.principalKind().equals("USER") && e.principalName().equals("pd1")
                && e.action().equals("FULLTEXT") && e.itemId().equals("library"));
        // signing out ends the session
        http.send(HttpRequest.newBuilder(URI.create(url("/logout"))).header("Cookie", reader).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(status(reader, "/iiif/3/library/manifest")).isEqualTo(401);
        assertThat(status("kura_reader=forged-session-id", "/iiif/3/library/manifest")).isEqualTo(401);
    }

    @Test
    void wrongPasswordsSuspendedAccountsAndLockout() throws Exception {
        assertThat(login("reader1", "not the password", "192.0.2.20", "/", null).statusCode()).isEqualTo(401);
        assertThat(login("nobody", PASSWORD, "192.0.2.21", "/", null).statusCode()).isEqualTo(401);
        HttpResponse<String> suspended = login("gone", PASSWORD, "192.0.2.22", "/", null);
        assertThat(suspended.statusCode()).isEqualTo(401);
        assertThat(suspended.headers().firstValue("Set-Cookie")).isEmpty();
        for (int i = 0; i < ReaderSessions.MAX_FAILURES; i++) {
            login("pd1", "guess " + i, "192.0.2.30", "/", null);
        }
        // the name is locked now, even with the right password and from another address
        HttpResponse<String> locked = login("pd1", PASSWORD, "192.0.2.31", "/", null);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("15");
    }

    @Test
    void signInsFromOtherSitesAndRedirectsOffTheSiteAreRefused() throws Exception {
        assertThat(login("reader1", PASSWORD, "192.0.2.40", "/", "https://evil.example").statusCode()).isEqualTo(403);
        for (String target : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)")) {
            HttpResponse<String> r = login("reader1", PASSWORD, "192.0.2.41", target, null);
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElse("")).as(target).isIn("/", url("/"), "http://localhost/");
        }
        HttpResponse<String> back = login("reader1", PASSWORD, "192.0.2.42", "/iiif/3/library/manifest", null);
        assertThat(back.headers().firstValue("Location").orElse("")).endsWith("/iiif/3/library/manifest");
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(url("/login?return=%22%3E%3Cscript%3E"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"password\"").doesNotContain("\"><script>");
    }

    static String get(String cookie, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).header("X-Forwarded-For", "192.0.2.10");
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static HttpResponse<String> probe(String item, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/iiif/3/" + item + "/probe"))).header("X-Forwarded-For", "192.0.2.10");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void iiifAuthorizationFlow2AnnouncesItsServicesAndProbesAnswerForTheTokensPrincipal() throws Exception {
        String reader = session("reader1");
        assertThat(get(reader, "/iiif/3/library/manifest")).contains("\"AuthProbeService2\"").contains("/iiif/3/library/probe")
                .contains("\"AuthAccessService2\"").contains("\"profile\":\"active\"").contains("\"AuthAccessTokenService2\"");
        assertThat(get(reader, "/iiif/3/image/library~1/info.json")).contains("\"AuthProbeService2\"");

        String denied = get(null, "/iiif/auth/token?messageId=m1&origin=" + URLEncoder.encode("https://viewer.example", StandardCharsets.UTF_8));
        assertThat(denied).contains("AuthAccessTokenError2").contains("missingAspect").contains("data-origin=\"https://viewer.example\"")
                .contains("src=\"/assets/iiif-auth.js\"").doesNotContain("<script>");
        assertThat(get(null, "/iiif/auth/token?messageId=m1&origin=" + URLEncoder.encode("javascript:alert(1)", StandardCharsets.UTF_8)))
                .contains("invalidRequest");
        String granted = get(reader, "/iiif/auth/token?messageId=m2&origin=" + URLEncoder.encode("https://viewer.example", StandardCharsets.UTF_8));
        assertThat(granted).contains("AuthAccessToken2").contains("&quot;messageId&quot;:&quot;m2&quot;");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&quot;accessToken&quot;:&quot;([A-Za-z0-9_-]+)&quot;").matcher(granted);
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        HttpResponse<String> anonymous = probe("library", null);
        assertThat(anonymous.body()).contains("\"type\":\"AuthProbeResult2\"").contains("\"status\":401").contains("heading");
        assertThat(probe("library", token).body()).contains("\"status\":200").doesNotContain("heading");
        assertThat(probe("onsite", token).body()).contains("\"status\":403");
        assertThat(probe("library", "forged-token").body()).contains("\"status\":401");
        assertThat(probe("library", token).headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        // the access service: a sign-in opened by a viewer ends on a page that closes itself
        HttpResponse<String> viaViewer = http.send(HttpRequest.newBuilder(URI.create(url("/login"))).header("Content-Type",
                "application/x-www-form-urlencoded").header("X-Forwarded-For", "192.0.2.50").POST(HttpRequest.BodyPublishers.ofString(
                "name=reader1&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&iiif=1")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(viaViewer.headers().firstValue("Location").orElse("")).endsWith("/login/done");
        assertThat(get(null, "/login/done")).contains("data-mode=\"close\"");
        assertThat(get(null, "/login?iiif=1")).contains("name=\"iiif\" value=\"1\"");
        // the logout service a viewer opens ends the session
        String again = session("reader1");
        assertThat(status(again, "/iiif/3/library/manifest")).isEqualTo(200);
        assertThat(status(again, "/logout")).isEqualTo(303);
        assertThat(status(again, "/iiif/3/library/manifest")).isEqualTo(401);
    }

    @Test
    void grantsAreCountedForAnonymizedStatisticsThatStaffCanRead() throws Exception {
        String pd = session("pd1");
        for (int i = 0; i < 3; i++) {
            status(pd, "/iiif/3/library/manifest");
        }
        status(pd, "/api/items/library/text");
        status(pd, "/iiif/3/image/library~1/full/max/0/default.jpg"); // images are not counted
        status(null, "/iiif/3/library/manifest"); // refused: not counted
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/usage")))
                .header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode counts = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("counts");
        assertThat(counts).as(r.body()).isNotNull();
        long manifests = 0;
        long texts = 0;
        for (com.fasterxml.jackson.databind.JsonNode c : counts) {
            assertThat(c.has("principal") || c.toString().contains("pd1") || c.toString().contains("192.0.2")).isFalse();
            if (c.get("item").asText().equals("library") && c.get("principalKind").asText().equals("USER")) {
                manifests += c.get("action").asText().equals("MANIFEST") ? c.get("uses").asLong() : 0;
                texts += c.get("action").asText().equals("FULLTEXT") ? c.get("uses").asLong() : 0;
            }
            assertThat(c.get("action").asText()).isNotIn("VIEW", "THUMBNAIL");
        }
        assertThat(manifests).isGreaterThanOrEqualTo(3);
        assertThat(texts).isGreaterThanOrEqualTo(1);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/usage"))).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(url("/api/admin/usage?from=yesterday"))).header("Authorization", "Bearer " + ADMIN)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }
}
