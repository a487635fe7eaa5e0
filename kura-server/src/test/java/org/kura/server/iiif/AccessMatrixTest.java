package org.kura.server.iiif;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.kura.iiif.DerivativeCache;
import org.kura.iiif.ImageLimits;
import org.kura.iiif.ImageService;
import org.kura.model.AccessTier;
import org.kura.repository.ItemIngester;
import org.kura.repository.OcflObjectStore;
import org.kura.server.ApiAccess;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.kura.server.access.AccessAudit;
import org.kura.server.access.AccessPolicy;
import org.kura.server.access.PrincipalResolver;
import org.kura.server.access.TestPrincipals;
import org.kura.server.access.TestPrincipals.Who;

/**
 * The authorization matrix through real HTTP: every principal × every tier × every endpoint, asserting
 * exactly what is served — and that a refusal carries no byte of the image, no page count, no title.
 * Principals are told apart as in production: the admin token, an institution key, and client
 * addresses forwarded by a trusted proxy (the test client plays the proxy on 127.0.0.1).
 */
class AccessMatrixTest {
    static final String ADMIN = "matrix-admin-token-0123456789";
    static final String INSTITUTION_KEY = "inst-key-0123456789";
    static Path dir;
    static CatalogStore catalog;
    static OcflObjectStore objects;
    static KuraServer behindProxy;
    static KuraServer direct;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static final List<String> ENDPOINTS = List.of("info", "tile", "full", "thumbnail", "manifest", "pdf");

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kura-matrix");
        catalog = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        objects = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
        ItemIngester ingester = new ItemIngester(objects, dir.resolve("work"));
        for (AccessTier tier : AccessTier.values()) {
            Path src = dir.resolve("src-" + tier);
            for (int p = 1; p <= 2; p++) {
                Files.createDirectories(src);
                BufferedImage img = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setColor(new Color(30 * p, 90, 200));
                g.fillRect(0, 0, 1200, 800);
                g.dispose();
                ImageIO.write(img, "png", src.resolve("p" + p + ".png").toFile());
            }
            Files.write(src.resolve("all.pdf"), "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            String id = tier.name().toLowerCase();
            ingester.ingest(new ItemIngester.Request(src, null, tier, id, "秘密の題名 " + tier, "test"));
            catalog.saveItem(new ItemEntry(id, null, null, tier, "秘密の題名 " + tier, 2, Instant.now()));
        }
        catalog.saveInstitution(new Institution("JP-1000001", "図書館", "JP", List.of("10.1.0.0/16"),
                ApiAccess.hash(INSTITUTION_KEY), Instant.now()));
        catalog.saveTerminal(new Terminal("room-1", "JP-1000001", "閲覧室", List.of("10.9.9.0/24"), Instant.now()));
        ImageService images = new ImageService(objects, ImageLimits.defaults(), new DerivativeCache(dir.resolve("cache"), 64L << 20));
        behindProxy = server(images, List.of("127.0.0.1"));
        direct = server(images, List.of());
    }

    static KuraServer server(ImageService images, List<String> trustedProxies) {
        IiifRoutes iiif = new IiifRoutes(images, objects, catalog, new AccessPolicy(),
                new PrincipalResolver(catalog, ADMIN, trustedProxies), new AccessAudit(catalog), "http://localhost", trustedProxies);
        return new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", ADMIN), KuraServer.newMetricsRegistry(),
                List.of(iiif)).start();
    }

    @AfterAll
    static void stop() {
        behindProxy.close();
        direct.close();
        objects.close();
        catalog.close();
    }

    static String path(String endpoint, String item) {
        return switch (endpoint) {
            case "info" -> "/iiif/3/image/" + item + "~1/info.json";
            case "tile" -> "/iiif/3/image/" + item + "~2/0,0,512,512/512,/0/default.jpg";
            case "full" -> "/iiif/3/image/" + item + "~1/full/max/0/default.jpg";
            case "thumbnail" -> "/iiif/3/image/" + item + "~1/full/!200,200/0/default.jpg";
            case "manifest" -> "/iiif/3/" + item + "/manifest";
            case "pdf" -> "/iiif/3/" + item + "/pdf";
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    static HttpResponse<byte[]> get(KuraServer server, Who who, String path) throws Exception {
        HttpRequest.Builder b = TestPrincipals.request(URI.create("http://127.0.0.1:" + server.port() + path), who, ADMIN,
                INSTITUTION_KEY);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The expected status, written out by hand from the policy table (not computed by the policy). */
    static int expected(Who who, AccessTier tier, String endpoint) {
        boolean pdf = endpoint.equals("pdf");
        int refused = who == Who.ANONYMOUS ? 401 : 403;
        return switch (tier) {
            case PUBLIC -> 200;
            case LIBRARY -> switch (who) {
                case ANONYMOUS -> 401;
                case INSTITUTION_BY_ADDRESS, INSTITUTION_BY_KEY -> pdf ? 403 : 200;
                case TERMINAL, STAFF -> 200;
            };
            case ONSITE -> switch (who) {
                case TERMINAL -> pdf ? 403 : 200;
                case STAFF -> 200;
                default -> refused;
            };
            case WITHHELD -> who == Who.STAFF ? 200 : refused;
        };
    }

    @Test
    void aNewVersionIngestedBesideTheRunningServerIsServedWithoutARestart() throws Exception {
        ItemIngester ingester = new ItemIngester(objects, dir.resolve("work"));
        Path v1 = Files.createDirectories(dir.resolve("versioned-1"));
        for (int p = 1; p <= 2; p++) {
            ImageIO.write(new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB), "png", v1.resolve("p" + p + ".png").toFile());
        }
        ingester.ingest(new ItemIngester.Request(v1, null, AccessTier.PUBLIC, "versioned", "版", "test"));
        catalog.saveItem(new ItemEntry("versioned", null, null, AccessTier.PUBLIC, "版", 2, Instant.now()));
        String manifest = new String(get(direct, Who.ANONYMOUS, "/iiif/3/versioned/manifest").body(), StandardCharsets.UTF_8);
        assertThat(manifest.split("\"type\":\"Canvas\"").length - 1).isEqualTo(2);
        Path v2 = Files.createDirectories(dir.resolve("versioned-2"));
        for (int p = 1; p <= 3; p++) {
            ImageIO.write(new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB), "png", v2.resolve("p" + p + ".png").toFile());
        }
        Thread.sleep(5); // the catalog's timestamp of the new version comes after the server read the first
        ingester.ingest(new ItemIngester.Request(v2, null, AccessTier.PUBLIC, "versioned", "版 第二版", "test"));
        catalog.saveItem(new ItemEntry("versioned", null, null, AccessTier.PUBLIC, "版 第二版", 3, Instant.now()));
        String updated = new String(get(direct, Who.ANONYMOUS, "/iiif/3/versioned/manifest").body(), StandardCharsets.UTF_8);
        assertThat(updated.split("\"type\":\"Canvas\"").length - 1).isEqualTo(3);
        assertThat(updated).doesNotContain("doi.org");
        catalog.assignDoi("versioned", seq -> "10.99999/kura.versioned");
        assertThat(new String(get(direct, Who.ANONYMOUS, "/iiif/3/versioned/manifest").body(), StandardCharsets.UTF_8))
                .contains("https://doi.org/10.99999/kura.versioned");
        assertThat(get(direct, Who.ANONYMOUS, "/iiif/3/image/versioned~3/info.json").statusCode()).isEqualTo(200);
    }

    @Test
    void everyPrincipalGetsExactlyWhatThePolicyAllowsOnEveryEndpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Who who : Who.values()) {
            for (AccessTier tier : AccessTier.values()) {
                for (String endpoint : ENDPOINTS) {
                    cells++;
                    String item = tier.name().toLowerCase();
                    HttpResponse<byte[]> r = get(behindProxy, who, path(endpoint, item));
                    int want = expected(who, tier, endpoint);
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    String body = new String(r.body(), StandardCharsets.UTF_8);
                    if (r.statusCode() != want) {
                        wrong.add(who + " " + tier + " " + endpoint + ": " + r.statusCode() + ", wanted " + want);
                        continue;
                    }
                    if (want == 200) {
                        boolean ok = switch (endpoint) {
                            case "info" -> body.contains("\"ImageService3\"") && body.contains("\"width\":1200");
                            case "manifest" -> body.contains("\"Manifest\"") && body.contains("\"Canvas\"");
                            case "pdf" -> type.startsWith("application/pdf") && body.startsWith("%PDF");
                            default -> type.startsWith("image/jpeg") && (r.body()[0] & 0xff) == 0xff && (r.body()[1] & 0xff) == 0xd8;
                        };
                        if (!ok) {
                            wrong.add(who + " " + tier + " " + endpoint + ": 200 but not the content");
                        }
                        if (tier != AccessTier.PUBLIC && !r.headers().firstValue("Cache-Control").orElse("").contains("private")) {
                            wrong.add(who + " " + tier + " " + endpoint + ": restricted content cacheable by shared caches");
                        }
                    } else {
                        boolean leaks = !type.startsWith("application/problem+json") || body.contains("秘密")
                                || body.contains("\"width\"") || (r.body().length > 1 && (r.body()[0] & 0xff) == 0xff)
                                || body.contains("%PDF") || body.contains("pages");
                        if (leaks) {
                            wrong.add(who + " " + tier + " " + endpoint + ": the refusal leaks content: " + type + " " + body);
                        }
                    }
                }
            }
        }
        assertThat(cells).isEqualTo(5 * 4 * 6);
        assertThat(wrong).as("cells that differ from the policy").isEmpty();
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() throws Exception {
        for (String endpoint : ENDPOINTS) {
            assertThat(get(direct, Who.TERMINAL, path(endpoint, "onsite")).statusCode())
                    .as("X-Forwarded-For written by the client itself: " + endpoint).isEqualTo(401);
            assertThat(get(direct, Who.INSTITUTION_BY_ADDRESS, path(endpoint, "library")).statusCode()).isEqualTo(401);
        }
        assertThat(get(direct, Who.INSTITUTION_BY_KEY, path("tile", "library")).statusCode()).as("a key works anywhere").isEqualTo(200);
    }

    @Test
    void refusalsDoNotRevealWhetherAnItemOrPageExists() throws Exception {
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("/iiif/3/image/withheld~99/full/max/0/default.jpg", 401);
        cases.put("/iiif/3/image/nosuchitem~1/full/max/0/default.jpg", 401);
        cases.put("/iiif/3/nosuchitem/manifest", 401);
        cases.put("/iiif/3/image/withheld~1/full/%5E99999,/0/default.jpg", 401);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            HttpResponse<byte[]> r = get(behindProxy, Who.ANONYMOUS, c.getKey());
            assertThat(r.statusCode()).as(c.getKey()).isEqualTo(c.getValue());
        }
        assertThat(get(behindProxy, Who.STAFF, "/iiif/3/image/withheld~99/full/max/0/default.jpg").statusCode()).isEqualTo(404);
    }

    @Test
    void oddIdentifiersAndHugeRequestsNeverReachTheDiskOrTheHeap() throws Exception {
        List<String> odd = List.of("/iiif/3/image/..%2F..%2Fetc%2Fpasswd~1/info.json", "/iiif/3/image/%2E%2E~1/info.json",
                "/iiif/3/image/public~1%2F..%2F..%2Fwithheld~1/info.json", "/iiif/3/image/" + "a".repeat(5000) + "~1/info.json",
                "/iiif/3/..%2Fwithheld/manifest", "/iiif/3/image/public~1/full/max/0/default.jpg%00.png",
                "/iiif/3/image/public~-1/info.json", "/iiif/3/image/public~1e9/info.json");
        for (String path : odd) {
            HttpResponse<byte[]> r = get(behindProxy, Who.ANONYMOUS, path);
            assertThat(r.statusCode()).as(path).isIn(400, 401, 404, 414, 431);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("Exception").doesNotContain("秘密");
        }
        for (String size : List.of("%5E100000,", "%5Epct:100000", "%5E99999,99999", "!99999,99999")) {
            HttpResponse<byte[]> r = get(behindProxy, Who.STAFF, "/iiif/3/image/public~1/full/" + size + "/0/default.jpg");
            assertThat(r.statusCode()).as(size).isIn(400, 413);
        }
        HttpResponse<byte[]> big = get(behindProxy, Who.STAFF, "/iiif/3/image/public~1/full/!99999,99999/0/default.jpg");
        assertThat(big.statusCode()).isIn(400, 413);
    }

    @Test
    void grantsOfRestrictedItemsAreAudited() throws Exception {
        assertThat(get(behindProxy, Who.INSTITUTION_BY_ADDRESS, path("tile", "library")).statusCode()).isEqualTo(200);
        assertThat(get(behindProxy, Who.INSTITUTION_BY_ADDRESS, path("full", "library")).statusCode()).isEqualTo(200);
        assertThat(catalog.auditLog(100)).anySatisfy(e -> {
            assertThat(e.itemId()).isEqualTo("library");
            assertThat(e.principalKind()).isEqualTo("INSTITUTION");
            assertThat(e.principalName()).isEqualTo("JP-1000001");
            assertThat(e.client()).isEqualTo("10.1.2.3");
        });
        long publicEntries = catalog.auditLog(1000).stream().filter(e -> e.itemId().equals("public")).count();
        assertThat(publicEntries).as("public views are not audited").isZero();
    }
}
