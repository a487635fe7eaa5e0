package org.kura.server.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Institution;
import org.kura.catalog.ItemEntry;
import org.kura.catalog.Terminal;
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
import org.kura.fulltext.export.EpubExport;
import org.kura.fulltext.export.PlainTextExport;
import org.kura.iiif.DerivativeCache;
import org.kura.iiif.ImageLimits;
import org.kura.iiif.ImageService;
import org.kura.model.AccessTier;
import org.kura.repository.ItemIngester;
import org.kura.repository.OcflObjectStore;
import org.kura.search.EmbeddedSolrBackend;
import org.kura.server.ApiAccess;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.kura.server.access.AccessAudit;
import org.kura.server.access.AccessPolicy;
import org.kura.server.access.ItemGate;
import org.kura.server.access.PrincipalResolver;
import org.kura.server.access.TestPrincipals;
import org.kura.server.access.TestPrincipals.Who;

/**
 * The text of items through real HTTP (Javalin on loopback, embedded Solr, OCFL on disk), as a matrix:
 * every principal × every tier × every text endpoint, asserting what is served — and that a location
 * answer never carries text beyond its short snippets (each page holds a sentinel far from the hit).
 */
class TextAccessMatrixTest {
    static final String ADMIN = "text-matrix-admin-token-0123456789";
    static final String INSTITUTION_KEY = "text-inst-key-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    static Path dir;
    static CatalogStore catalog;
    static OcflObjectStore objects;
    static PageTextIndex index;
    static KuraServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    static final List<String> ENDPOINTS = List.of("search", "search1", "autocomplete", "text", "epub", "report");

    /** A page of text with the hit (無鉄砲) at the start and a sentinel 300 characters on. */
    static String page(AccessTier tier) {
        return "親譲りの無鉄砲で小供の時から損ばかりしている。" + "あ".repeat(300) + "秘密の本文" + tier.name();
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kura-text-matrix");
        catalog = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        objects = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
        TextStore texts = new TextStore(objects, dir.resolve("work"));
        index = new PageTextIndex(new EmbeddedSolrBackend(dir.resolve("solr"), "text"));
        ItemIngester ingester = new ItemIngester(objects, dir.resolve("work"));
        TextIngester textIngester = new TextIngester(texts, new PageTextReaders());
        for (AccessTier tier : AccessTier.values()) {
            String id = tier.name().toLowerCase();
            Path src = Files.createDirectories(dir.resolve("src-" + tier));
            ImageIO.write(new BufferedImage(800, 1200, BufferedImage.TYPE_INT_RGB), "png", src.resolve("p1.png").toFile());
            ingester.ingest(new ItemIngester.Request(src, null, tier, id, "秘密の題名 " + tier, "test"));
            catalog.saveItem(new ItemEntry(id, "ndl", "rec-" + id, tier, "秘密の題名 " + tier, 1, Instant.now()));
            Path text = Files.createDirectories(dir.resolve("text-" + tier));
            Files.writeString(text.resolve("0001.txt"), page(tier));
            textIngester.ingest(id, text, "test");
            new TextIndexer(texts, index).index(new PageTextIndex.ItemInfo(id, "ndl:rec-" + id, "ndl", tier, "秘密の題名 " + tier));
        }
        catalog.saveInstitution(new Institution("JP-1000001", "図書館", "JP", List.of("10.1.0.0/16"),
                ApiAccess.hash(INSTITUTION_KEY), Instant.now()));
        catalog.saveTerminal(new Terminal("room-1", "JP-1000001", "閲覧室", List.of("10.9.9.0/24"), Instant.now()));
        ImageService images = new ImageService(objects, ImageLimits.defaults(), new DerivativeCache(dir.resolve("cache"), 16L << 20));
        List<String> trusted = List.of("127.0.0.1");
        ItemGate gate = new ItemGate(catalog, new AccessPolicy(), new PrincipalResolver(catalog, ADMIN, trusted), new AccessAudit(catalog),
                trusted);
        TextRoutes.TextExports exports = new TextRoutes.TextExports() {
            @Override
            public void plain(String itemId, java.io.OutputStream out) throws java.io.IOException {
                new PlainTextExport().write(text(itemId), out);
            }

            @Override
            public void epub(String itemId, java.io.OutputStream out) throws java.io.IOException {
                new EpubExport().write(text(itemId), out);
            }

            private AccessibleText text(String itemId) {
                return AccessibleText.of(itemId, "題名", "ja", List.of(), texts.pages(itemId), Instant.EPOCH);
            }
        };
        TextRoutes routes = new TextRoutes(new FullTextSearch(index, new SnippetGuard(SnippetLimits.DEFAULT, Clock.systemUTC())),
                new ContentSearch(index, texts), texts, images, gate, exports, "http://localhost");
        TextAdminRoutes admin = new TextAdminRoutes(textIngester, item -> new TextIndexer(texts, index).index(
                new PageTextIndex.ItemInfo(item, "ndl:rec-" + item, "ndl",
                catalog.item(item).map(ItemEntry::tier).orElse(AccessTier.WITHHELD), "秘密の題名")));
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", ADMIN), KuraServer.newMetricsRegistry(),
                List.of(routes, admin)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        index.close();
        objects.close();
        catalog.close();
    }

    static HttpResponse<byte[]> get(Who who, String path) throws Exception {
        HttpRequest.Builder b = TestPrincipals.request(URI.create("http://127.0.0.1:" + server.port() + path), who, ADMIN,
                INSTITUTION_KEY);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String path(String endpoint, String item) {
        return switch (endpoint) {
            case "search" -> "/iiif/3/" + item + "/search?q=" + q("無鉄砲");
            case "search1" -> "/iiif/3/" + item + "/search1?q=" + q("無鉄砲");
            case "autocomplete" -> "/iiif/3/" + item + "/autocomplete?q=" + q("無鉄");
            case "text" -> "/api/items/" + item + "/text";
            case "epub" -> "/api/items/" + item + "/text.epub";
            case "report" -> "/api/items/" + item + "/text/report";
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    /** Whether the principal may see the pages of a tier (VIEW), written out from the policy table. */
    static boolean views(Who who, AccessTier tier) {
        return switch (tier) {
            case PUBLIC -> true;
            case LIBRARY -> who != Who.ANONYMOUS;
            case ONSITE -> who == Who.TERMINAL || who == Who.STAFF;
            case WITHHELD -> who == Who.STAFF;
        };
    }

    /** Whether the principal may read the text (FULLTEXT): everyone for public items, else staff. */
    static boolean reads(Who who, AccessTier tier) {
        return tier == AccessTier.PUBLIC || who == Who.STAFF;
    }

    static int expected(Who who, AccessTier tier, String endpoint) {
        int refused = who == Who.ANONYMOUS ? 401 : 403;
        return switch (endpoint) {
            case "search", "search1", "autocomplete" -> views(who, tier) ? 200 : refused;
            case "text", "epub" -> reads(who, tier) ? 200 : refused;
            case "report" -> who == Who.STAFF ? 200 : refused;
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    @Test
    void everyPrincipalGetsExactlyWhatThePolicyAllowsOnEveryTextEndpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Who who : Who.values()) {
            for (AccessTier tier : AccessTier.values()) {
                for (String endpoint : ENDPOINTS) {
                    cells++;
                    HttpResponse<byte[]> r = get(who, path(endpoint, tier.name().toLowerCase()));
                    String body = new String(r.body(), StandardCharsets.UTF_8);
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    int want = expected(who, tier, endpoint);
                    String cell = who + " " + tier + " " + endpoint;
                    if (r.statusCode() != want) {
                        wrong.add(cell + ": " + r.statusCode() + ", wanted " + want + " " + body);
                        continue;
                    }
                    if (want != 200) {
                        if (!type.startsWith("application/problem+json") || body.contains("秘密") || body.contains("無鉄砲")) {
                            wrong.add(cell + ": the refusal leaks: " + body);
                        }
                        continue;
                    }
                    boolean ok = switch (endpoint) {
                        case "search" -> body.contains("\"AnnotationPage\"") && body.contains("canvas/1")
                                && body.contains("\"exact\":\"無鉄砲\"")
                                && body.contains("\"prefix\"") == reads(who, tier); // surrounding text only for readers
                        case "search1" -> body.contains("sc:AnnotationList") && body.contains("\"match\":\"無鉄砲\"")
                                && body.contains("\"before\"") == reads(who, tier);
                        case "autocomplete" -> body.contains("\"TermPage\"") && body.contains("無鉄砲");
                        case "text" -> type.startsWith("text/plain") && body.contains("秘密の本文" + tier.name());
                        case "epub" -> type.startsWith("application/epub+zip") && r.body()[0] == 'P' && r.body()[1] == 'K';
                        case "report" -> body.contains("\"pages\":1") && body.contains("0001.txt");
                        default -> false;
                    };
                    if (!ok) {
                        wrong.add(cell + ": 200 but not the content: " + body.substring(0, Math.min(300, body.length())));
                    }
                    if (endpoint.startsWith("search") && body.contains("秘密の本文")) {
                        wrong.add(cell + ": a content search gave text far from the hit");
                    }
                    if (tier != AccessTier.PUBLIC && !r.headers().firstValue("Cache-Control").orElse("").contains("private")) {
                        wrong.add(cell + ": restricted content cacheable by shared caches");
                    }
                }
            }
        }
        assertThat(cells).isEqualTo(5 * 4 * 6);
        assertThat(wrong).as("cells that differ from the policy").isEmpty();
    }

    @Test
    void fullTextSearchGivesEachPrincipalPassagesOnlyWhereItMayReadAndLocationsWhereItMayLocate() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            HttpResponse<byte[]> r = get(who, "/api/fulltext?q=" + q("無鉄砲"));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            JsonNode results = JSON.readTree(r.body()).get("results");
            for (AccessTier tier : AccessTier.values()) {
                String id = tier.name().toLowerCase();
                JsonNode item = null;
                for (JsonNode n : results) {
                    if (n.get("item").asText().equals(id)) {
                        item = n;
                    }
                }
                String cell = who + " " + tier;
                boolean locatable = tier != AccessTier.WITHHELD || who == Who.STAFF;
                if (!locatable) {
                    if (item != null) {
                        wrong.add(cell + ": a withheld item appears");
                    }
                    continue;
                }
                if (item == null) {
                    wrong.add(cell + ": missing");
                    continue;
                }
                String access = item.get("access").asText();
                if (!access.equals(reads(who, tier) ? "full" : "location")) {
                    wrong.add(cell + ": access " + access);
                }
                if (item.get("pages").size() != 1 || item.get("pages").get(0).get("page").asInt() != 1) {
                    wrong.add(cell + ": the matching page is not named");
                }
                for (JsonNode p : item.get("passages")) {
                    String text = p.get("text").asText();
                    JsonNode hit = p.get("hits").get(0);
                    if (!text.substring(hit.get(0).asInt(), hit.get(1).asInt()).equals("無鉄砲")) {
                        wrong.add(cell + ": the hit offsets do not mark the hit: " + p);
                    }
                    if (!reads(who, tier) && text.length() > SnippetLimits.DEFAULT.snippetChars()) {
                        wrong.add(cell + ": a snippet longer than the limit: " + text.length());
                    }
                }
                if (!reads(who, tier) && item.get("passages").size() > SnippetLimits.DEFAULT.snippetsPerItem()) {
                    wrong.add(cell + ": more snippets than the limit");
                }
            }
            String body = new String(r.body(), StandardCharsets.UTF_8);
            for (AccessTier tier : AccessTier.values()) {
                if (tier != AccessTier.PUBLIC && (tier != AccessTier.WITHHELD || who == Who.STAFF)) {
                    String action = reads(who, tier) ? "FULLTEXT" : "SNIPPET";
                    String id = tier.name().toLowerCase();
                    boolean logged = catalog.auditLog(1000).stream().anyMatch(e -> e.itemId().equals(id) && e.action().equals(action)
                            && e.principalKind().equals(who == Who.INSTITUTION_BY_ADDRESS || who == Who.INSTITUTION_BY_KEY ? "INSTITUTION"
                            : who.name()));
                    if (!logged) {
                        wrong.add(who + " " + tier + ": passages given without an audit entry (" + action + ")");
                    }
                }
                if (body.contains("秘密の本文" + tier.name())) {
                    wrong.add(who + " " + tier + ": text far from the hit in the results");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void badQueriesAndOddIdentifiersGetClearErrors() throws Exception {
        assertThat(get(Who.STAFF, "/api/fulltext").statusCode()).isEqualTo(400);
        assertThat(get(Who.STAFF, "/api/fulltext?q=%20%20").statusCode()).isEqualTo(400);
        assertThat(get(Who.STAFF, "/api/fulltext?q=x&page=0").statusCode()).isEqualTo(400);
        assertThat(get(Who.STAFF, "/api/fulltext?q=x&size=abc").statusCode()).isEqualTo(400);
        for (String q : List.of("{!xmlparser v='<a/>'}", "\"unbalanced", "猫".repeat(2_000), "title:x OR (", "\u0000\u0007")) {
            int s = get(Who.STAFF, "/api/fulltext?q=" + q(q)).statusCode();
            assertThat(s).as(q.substring(0, Math.min(20, q.length()))).isIn(200, 400, 414);
        }
        assertThat(get(Who.STAFF, "/iiif/3/public/search").statusCode()).isEqualTo(400);
        // answers without hits keep their shape: IIIF requires items, clients expect results
        assertThat(new String(get(Who.ANONYMOUS, "/iiif/3/public/search?q=" + q("存在しない語句")).body(), StandardCharsets.UTF_8))
                .contains("\"items\":[]");
        assertThat(new String(get(Who.ANONYMOUS, "/api/fulltext?q=" + q("存在しない語句")).body(), StandardCharsets.UTF_8))
                .contains("\"results\":[]").contains("\"items\":0");
        assertThat(get(Who.STAFF, "/iiif/3/..%2Fetc/search?q=x").statusCode()).isIn(400, 404);
        assertThat(get(Who.STAFF, "/iiif/3/" + "x".repeat(300) + "/search?q=x").statusCode()).isEqualTo(404);
        assertThat(get(Who.STAFF, "/api/items/no-such-item/text").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> ignored = get(Who.ANONYMOUS, "/iiif/3/public/search?q=" + q("無鉄砲") + "&motivation=painting");
        assertThat(JSON.readTree(ignored.body()).get("ignored").toString()).isEqualTo("[\"motivation\"]");
    }

    @Test
    void staffAddTextOverHttpAndUnreadableFilesAreQuarantined() throws Exception {
        String boundary = "kura-boundary-7";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (String[] f : new String[][] {{"0001.txt", "山路を登りながら、こう考えた。智に働けば角が立つ。" + page(AccessTier.PUBLIC)},
            {"0002.xml", "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout><Page"}}) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f[0]
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(f[1].getBytes(StandardCharsets.UTF_8));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder upload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/admin/items/public/text"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        assertThat(http.send(upload.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as("no admin token").isEqualTo(401);
        HttpResponse<String> r = http.send(upload.header("Authorization", "Bearer " + ADMIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = JSON.readTree(r.body());
        assertThat(out.get("pages").toString()).isEqualTo("[1]");
        assertThat(out.get("indexed").asInt()).isEqualTo(1);
        assertThat(out.get("quarantined").get(0).get("file").asText()).isEqualTo("0002.xml");
        assertThat(new String(get(Who.ANONYMOUS, "/api/fulltext?q=" + q("智に働けば")).body(), StandardCharsets.UTF_8)).contains("\"item\":\"public\"");
        HttpResponse<byte[]> none = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/admin/items/no-such-item/text/index")).header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(none.statusCode()).isEqualTo(404);
    }
}
