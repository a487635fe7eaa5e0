package org.kura.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.ItemEntry;
import org.kura.iiif.DerivativeCache;
import org.kura.iiif.ImageLimits;
import org.kura.iiif.ImageService;
import org.kura.model.AccessTier;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import org.kura.repository.OcflObjectStore;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.kura.server.access.AccessAudit;
import org.kura.server.access.AccessPolicy;
import org.kura.server.access.PrincipalResolver;
import org.kura.server.iiif.IiifRoutes;

/**
 * {@code kura bench iiif}: IIIF Image API over HTTP on loopback, through the access policy, against a
 * generated scan (a JPEG of {@code width × height} pixels, ingested into a fresh OCFL store). Measures
 * info.json latency, every 512-pixel tile at full resolution cold (not in the derivative cache) and warm
 * (cached), and warm tiles/s at N clients.
 */
public final class IiifBench {
    public record Options(int width, int height, int clients, Path workDir) {
    }

    /** One measured line. */
    public record Row(String measure, String value, String target) {
    }

    private final PrintStream log;

    public IiifBench(PrintStream log) {
        this.log = log;
    }

    public List<Row> run(Options o) throws Exception {
        Files.createDirectories(o.workDir());
        Path dir = Files.createTempDirectory(o.workDir(), "iiif-");
        List<Row> rows = new ArrayList<>();
        try (CatalogStore catalog = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")))) {
            OcflObjectStore objects = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
            Path scans = Files.createDirectories(dir.resolve("scans"));
            log.printf("bench iiif: drawing a %,d × %,d scan…%n", o.width(), o.height());
            draw(scans.resolve("page01.jpg"), o.width(), o.height());
            Item item = new ItemIngester(objects, dir.resolve("work")).ingest(new ItemIngester.Request(scans, "bench:scan",
                    AccessTier.PUBLIC, "bench-scan", "bench scan", "bench"));
            catalog.saveItem(new ItemEntry(item.id(), null, null, AccessTier.PUBLIC, "bench scan", 1, Instant.now()));
            ImageService images = new ImageService(objects, ImageLimits.defaults(),
                    new DerivativeCache(dir.resolve("cache"), 1L << 30));
            try (KuraServer server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost",
                    "bench-admin-token-0123456789"), KuraServer.newMetricsRegistry(), List.of(new IiifRoutes(images, objects,
                    catalog, new AccessPolicy(), new PrincipalResolver(catalog, "bench-admin-token-0123456789", List.of()),
                    new AccessAudit(catalog), "http://localhost", List.of()))).start()) {
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(o.clients())).build();
                String base = "http://127.0.0.1:" + server.port() + "/iiif/3/image/" + item.id() + "~1";
                // steady state, as a running server is: the JIT has compiled the request path (200 requests left
                // it compiling during the measurement) and the garbage of ingesting a 48-megapixel scan is collected
                long warmUntil = System.nanoTime() + 5_000_000_000L;
                for (int i = 0; i < 2_000 || System.nanoTime() < warmUntil; i++) {
                    TimedGet.get(http, base + "/info.json");
                }
                System.gc();
                double[] info = new double[2_000];
                for (int i = 0; i < info.length; i++) {
                    info[i] = TimedGet.get(http, base + "/info.json");
                }
                rows.add(new Row("info.json (one client)", String.format("p50 %.2f ms, p95 %.2f ms", Percentiles.of(info, 50), Percentiles.of(info, 95)),
                        "p95 ≤ 5 ms"));
                List<String> tiles = new ArrayList<>();
                for (int y = 0; y < o.height(); y += ImageService.TILE) {
                    for (int x = 0; x < o.width(); x += ImageService.TILE) {
                        int w = Math.min(ImageService.TILE, o.width() - x);
                        int h = Math.min(ImageService.TILE, o.height() - y);
                        tiles.add(base + "/" + x + "," + y + "," + w + "," + h + "/" + w + ",/0/default.jpg");
                    }
                }
                log.printf("bench iiif: %d tiles cold, then warm…%n", tiles.size());
                double[] cold = new double[tiles.size()];
                for (int i = 0; i < tiles.size(); i++) {
                    cold[i] = TimedGet.get(http, tiles.get(i));
                }
                rows.add(new Row("tile 512×512 at full resolution, cold (rendered from the JPEG; one client)",
                        String.format("p50 %.1f ms, p95 %.1f ms (%d tiles)", Percentiles.of(cold, 50), Percentiles.of(cold, 95), tiles.size()),
                        "≤ 150 ms"));
                double[] warm = new double[tiles.size()];
                for (int i = 0; i < tiles.size(); i++) {
                    warm[i] = TimedGet.get(http, tiles.get(i));
                }
                rows.add(new Row("tile, warm (derivative cache; one client)",
                        String.format("p50 %.2f ms, p95 %.2f ms", Percentiles.of(warm, 50), Percentiles.of(warm, 95)), "p50 ≤ 10 ms"));
                int rounds = Math.max(1, 4000 / tiles.size());
                long t = System.nanoTime();
                int served = concurrent(http, tiles, o.clients(), rounds);
                double rate = served / ((System.nanoTime() - t) / 1e9);
                rows.add(new Row("warm tiles/s at " + o.clients() + " clients", String.format("%,.0f tiles/s", rate), "≥ 200"));
            }
        }
        return rows;
    }

    /** A scan-like picture: paper with a gradient and vertical lines of "text" blocks. */
    private static void draw(Path file, int width, int height) throws java.io.IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        try {
            for (int y = 0; y < height; y += 64) {
                g.setColor(new Color(0xF3 - (y * 20 / height), 0xEC - (y * 20 / height), 0xDC - (y * 30 / height)));
                g.fillRect(0, y, width, 64);
            }
            g.setColor(new Color(0x33, 0x2A, 0x22));
            for (int x = width - 200; x > 100; x -= 90) {
                for (int y = 150; y < height - 150; y += 60) {
                    if (((x * 31 + y * 17) % 11) != 0) {
                        g.fillRect(x, y, 48, 42);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "jpg", file.toFile());
    }

    private static int concurrent(HttpClient http, List<String> tiles, int clients, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    int n = 0;
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < tiles.size(); i++) {
                            TimedGet.get(http, tiles.get((i + offset * 7) % tiles.size()));
                            n++;
                        }
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }

}
