package org.kura.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.ItemEntry;
import org.kura.fulltext.Box;
import org.kura.fulltext.ContentSearch;
import org.kura.fulltext.FullTextSearch;
import org.kura.fulltext.PageText;
import org.kura.fulltext.PageTextIndex;
import org.kura.fulltext.PageTextReaders;
import org.kura.fulltext.SnippetGuard;
import org.kura.fulltext.SnippetLimits;
import org.kura.fulltext.TextIndexer;
import org.kura.fulltext.TextIngester;
import org.kura.fulltext.TextLine;
import org.kura.fulltext.TextStore;
import org.kura.fulltext.ocr.OcrPage;
import org.kura.fulltext.ocr.OcrProgress;
import org.kura.fulltext.ocr.OcrRequest;
import org.kura.fulltext.ocr.OcrRun;
import org.kura.fulltext.ocr.OcrSummary;
import org.kura.fulltext.ocr.TesseractEngine;
import org.kura.iiif.DerivativeCache;
import org.kura.iiif.ImageLimits;
import org.kura.iiif.ImageService;
import org.kura.model.AccessTier;
import org.kura.repository.ItemIngester;
import org.kura.repository.OcflObjectStore;
import org.kura.search.EmbeddedSolrBackend;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.kura.server.access.AccessAudit;
import org.kura.server.access.AccessPolicy;
import org.kura.server.access.ItemGate;
import org.kura.server.access.PrincipalResolver;
import org.kura.server.fulltext.TextRoutes;

/**
 * {@code kura bench fulltext}: the text of digitized items end to end on this machine. Generates
 * Japanese page text (vertical lines with boxes, words drawn Zipf-like from a vocabulary so that
 * queries range from rare to common), and measures: indexing pages into the page-text index (pages/s);
 * one 500-page book stored as ALTO in its OCFL object and indexed (pages/s); full-text queries through
 * {@code /api/fulltext} at N clients (anonymous reader, a fifth of the items LIBRARY so that location
 * answers and snippet limits are on the path); IIIF Content Search inside the 500-page book; and
 * Tesseract pages/min on drawn vertical pages.
 */
public final class FullTextBench {
    public record Options(int pages, int clients, int queries, int ocrPages, Path workDir) {
    }

    public record Row(String measure, String value, String target) {
    }

    static final int BOOK_PAGES = 500;
    private static final String[] STEMS = {"国学", "文学", "歴史", "地震", "図書館", "記録", "写真", "地図", "研究", "教育", "経済", "政治",
        "文化", "言語", "宗教", "芸術", "音楽", "演劇", "建築", "農業", "漁業", "鉄道", "郵便", "新聞", "雑誌", "小説", "随筆", "和歌",
        "俳句", "漢詩", "古典", "近代", "江戸", "明治", "大正", "昭和", "東京", "京都", "大阪", "北海道", "沖縄", "九州", "津波", "復興",
        "災害", "避難", "学校", "寺院", "神社", "城下町", "港町", "商人", "武士", "農民", "職人", "医者", "法律", "憲法", "議会", "選挙",
        "戦争", "平和", "外交", "貿易", "工業", "技術", "科学", "数学", "物理", "化学", "生物", "天文", "気象", "海洋", "山岳", "河川",
        "森林", "動物", "植物", "食物", "料理", "衣服", "住居", "祭礼", "民俗", "伝説", "昔話", "方言", "地名", "人物", "家族", "子供"};
    private static final String[] TAILS = {"の", "は", "を", "に", "と", "が", "で", "について", "に関する", "の研究", "の歴史", "と社会"};
    private static final String[] ENDS = {"である。", "であった。", "とされる。", "を論じる。", "が見られる。", "に及ぶ。", "、", "。"};

    private final PrintStream log;

    public FullTextBench(PrintStream log) {
        this.log = log;
    }

    public List<Row> run(Options o) throws Exception {
        Files.createDirectories(o.workDir());
        Path dir = Files.createTempDirectory(o.workDir(), "fulltext-");
        List<Row> rows = new ArrayList<>();
        Random random = new Random(47);
        double[] zipf = zipf(STEMS.length * TAILS.length);
        try (CatalogStore catalog = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
             OcflObjectStore objects = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
             PageTextIndex index = new PageTextIndex(new EmbeddedSolrBackend(dir.resolve("solr-text"), "kura_text"))) {
            TextStore texts = new TextStore(objects, dir.resolve("work"));
            int items = Math.max(1, (o.pages() - BOOK_PAGES) / BOOK_PAGES);
            log.printf("bench fulltext: indexing %,d generated pages (%d items of %d pages)…%n", items * BOOK_PAGES, items, BOOK_PAGES);
            long t = System.nanoTime();
            int indexed = 0;
            for (int i = 0; i < items; i++) {
                String id = "bench-" + i;
                AccessTier tier = i % 5 == 4 ? AccessTier.LIBRARY : AccessTier.PUBLIC;
                catalog.saveItem(new ItemEntry(id, "bench", "rec-" + i, tier, "資料 " + i, BOOK_PAGES, Instant.now()));
                List<PageText> pages = new ArrayList<>(BOOK_PAGES);
                for (int p = 1; p <= BOOK_PAGES; p++) {
                    pages.add(page(p, random, zipf));
                }
                index.index(new PageTextIndex.ItemInfo(id, "bench:rec-" + i, "bench", tier, "資料 " + i), pages, 1, Map.of());
                indexed += pages.size();
                if ((i + 1) % 20 == 0) {
                    double s = (System.nanoTime() - t) / 1e9;
                    log.printf("  %,d pages, %,.0f pages/s%n", indexed, indexed / s);
                }
            }
            index.commit();
            double indexSeconds = (System.nanoTime() - t) / 1e9;
            rows.add(new Row("text indexing (generated page text with line boxes → page-text index, commit included)",
                    String.format("%,.0f pages/s (%,d pages in %.1f s)", indexed / indexSeconds, indexed, indexSeconds), "≥ 500 pages/s"));

            // one 500-page book, stored as ALTO in its OCFL object, then indexed from the store
            log.printf("bench fulltext: storing a %d-page book as ALTO in OCFL and indexing it…%n", BOOK_PAGES);
            Path scans = Files.createDirectories(dir.resolve("book-pages"));
            Path alto = Files.createDirectories(dir.resolve("book-text"));
            BufferedImage tiny = new BufferedImage(1000, 1400, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 1; p <= BOOK_PAGES; p++) {
                ImageIO.write(tiny, "png", scans.resolve(String.format("p%04d.png", p)).toFile());
                Files.writeString(alto.resolve(String.format("%04d.xml", p)), alto(page(p, random, zipf)), StandardCharsets.UTF_8);
            }
            new ItemIngester(objects, dir.resolve("work")).ingest(new ItemIngester.Request(scans, "bench:book", AccessTier.PUBLIC,
                    "book", "五百頁の本", "bench"));
            catalog.saveItem(new ItemEntry("book", "bench", "book", AccessTier.PUBLIC, "五百頁の本", BOOK_PAGES, Instant.now()));
            t = System.nanoTime();
            new TextIngester(texts, new PageTextReaders()).ingest("book", alto, "bench");
            double store = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            new TextIndexer(texts, index).index(new PageTextIndex.ItemInfo("book", "bench:book", "bench", AccessTier.PUBLIC, "五百頁の本"));
            double fromStore = (System.nanoTime() - t) / 1e9;
            rows.add(new Row("a 500-page book: ALTO read and stored in OCFL (one version)",
                    String.format("%,.0f pages/s (%.1f s)", BOOK_PAGES / store, store), "—"));
            rows.add(new Row("the same book indexed from the OCFL store", String.format("%,.0f pages/s (%.1f s)", BOOK_PAGES / fromStore, fromStore),
                    "≥ 500 pages/s"));

            ImageService images = new ImageService(objects, ImageLimits.defaults(), new DerivativeCache(dir.resolve("cache"), 64L << 20));
            PrincipalResolver principals = new PrincipalResolver(catalog, "bench-admin-token-0123456789", List.of());
            ItemGate gate = new ItemGate(catalog, new AccessPolicy(), principals, new AccessAudit(catalog), List.of());
            // a high hourly limit: the benchmark is one reader asking thousands of queries
            FullTextSearch search = new FullTextSearch(index, new SnippetGuard(new SnippetLimits(2, 50, 1_000_000, 400), Clock.systemUTC()));
            try (KuraServer server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", "bench-admin-token-0123456789"),
                    KuraServer.newMetricsRegistry(), List.of(new TextRoutes(search, new ContentSearch(index, texts), texts, images, gate,
                    null, "http://localhost"))).start()) {
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(o.clients())).build();
                String base = "http://127.0.0.1:" + server.port();
                List<String> queries = new ArrayList<>();
                Random qr = new Random(7);
                for (int i = 0; i < 500; i++) {
                    String w = word(qr, zipf);
                    queries.add(i % 4 == 0 ? w + " " + word(qr, zipf) : w);
                }
                for (int i = 0; i < 100; i++) { // warm up
                    TimedGet.get(http, base + "/api/fulltext?q=" + enc(queries.get(i)));
                }
                double[] single = new double[200];
                for (int i = 0; i < single.length; i++) {
                    single[i] = TimedGet.get(http, base + "/api/fulltext?q=" + enc(queries.get((i * 7) % queries.size())));
                }
                rows.add(new Row("full-text query via /api/fulltext, one client", String.format("median %.1f ms, p95 %.1f ms",
                        Percentiles.of(single, 50), Percentiles.of(single, 95)), "—"));
                double[] latencies = concurrent(http, base, queries, o.clients(), o.queries(), q -> "/api/fulltext?q=" + enc(q));
                rows.add(new Row("full-text query via /api/fulltext at " + o.clients() + " clients (" + indexed + " pages; 20 items/page, "
                        + "passages or snippets)", String.format("median %.1f ms, p95 %.1f ms, %,.0f queries/s", Percentiles.of(latencies, 50),
                        Percentiles.of(latencies, 95), latencies.length / (sum(latencies) / 1000.0 / o.clients())), "p95 ≤ 150 ms"));
                for (int i = 0; i < 50; i++) {
                    TimedGet.get(http, base + "/iiif/3/book/search?q=" + enc(queries.get(i)));
                }
                double[] one = new double[300];
                for (int i = 0; i < one.length; i++) {
                    one[i] = TimedGet.get(http, base + "/iiif/3/book/search?q=" + enc(queries.get(i % queries.size())));
                }
                rows.add(new Row("IIIF Content Search inside the 500-page book (one client)", String.format("median %.1f ms, p95 %.1f ms",
                        Percentiles.of(one, 50), Percentiles.of(one, 95)), "p95 ≤ 50 ms"));
                double[] many = concurrent(http, base, queries, o.clients(), 50, q -> "/iiif/3/book/search?q=" + enc(q));
                rows.add(new Row("IIIF Content Search inside the book at " + o.clients() + " clients", String.format("median %.1f ms, p95 %.1f ms",
                        Percentiles.of(many, 50), Percentiles.of(many, 95)), "—"));
            }
            rows.add(ocr(dir, o.ocrPages()));
        }
        return rows;
    }

    /** Tesseract on drawn vertical pages (jpn_vert), at the engine's parallelism (the cores). */
    private Row ocr(Path dir, int pages) throws Exception {
        TesseractEngine engine = new TesseractEngine();
        if (pages <= 0 || !engine.available() || !engine.languages().contains("jpn_vert")) {
            return new Row("Tesseract pages/min", "not measured (Tesseract with jpn_vert not installed, or --ocr-pages 0)", "reported");
        }
        log.printf("bench fulltext: OCR of %d drawn pages with %s %s…%n", pages, engine.name(), engine.version());
        Path scans = Files.createDirectories(dir.resolve("ocr"));
        List<OcrPage> list = new ArrayList<>();
        Random r = new Random(3);
        double[] zipf = zipf(STEMS.length * TAILS.length);
        for (int p = 1; p <= pages; p++) {
            Path f = scans.resolve("p" + p + ".png");
            drawVertical(f, page(p, r, zipf).text().replace("\n", ""));
            list.add(new OcrPage(p, f));
        }
        OcrSummary s = new OcrRun(engine).run(list, new OcrRequest("jpn_vert", true, Duration.ofMinutes(3)), OcrProgress.NONE);
        return new Row("Tesseract " + engine.version() + " (jpn_vert), 1000×1400 vertical pages of ~260 characters, "
                + engine.parallelism() + " at once", String.format("%.1f pages/min (%d ok, %d failed, %.0f s)", s.pagesPerMinute(), s.ok(),
                s.failed().size(), s.took().toMillis() / 1000.0), "reported");
    }

    /** A page of generated text in vertical lines of 24 characters, right to left, with line boxes. */
    static PageText page(int number, Random r, double[] zipf) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 700) {
            sb.append(word(r, zipf)).append(ENDS[r.nextInt(ENDS.length)]);
        }
        String text = sb.toString();
        List<TextLine> lines = new ArrayList<>();
        for (int i = 0, col = 0; i < text.length(); i += 24, col++) {
            String s = text.substring(i, Math.min(text.length(), i + 24));
            lines.add(new TextLine(s, new Box(1860 - col * 60, 120, 40, s.length() * 46), List.of(), true));
        }
        return new PageText(number, 2000, 1400, true, lines, "alto");
    }

    static String word(Random r, double[] zipf) {
        int k = Math.abs(java.util.Arrays.binarySearch(zipf, r.nextDouble()) + 1) % zipf.length;
        return STEMS[k % STEMS.length] + TAILS[k / STEMS.length % TAILS.length];
    }

    /** Cumulative Zipf weights over n ranks (s = 1). */
    static double[] zipf(int n) {
        double[] c = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += 1.0 / (i + 1);
            c[i] = total;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= total;
        }
        return c;
    }

    /** ALTO v4 for a generated page (a line per column). */
    static String alto(PageText p) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">"
                + "<Layout><Page WIDTH=\"" + p.width() + "\" HEIGHT=\"" + p.height() + "\"><PrintSpace><TextBlock>\n");
        for (TextLine l : p.lines()) {
            Box b = l.box();
            sb.append("<TextLine HPOS=\"").append(b.x()).append("\" VPOS=\"").append(b.y()).append("\" WIDTH=\"").append(b.w())
                    .append("\" HEIGHT=\"").append(b.h()).append("\"><String CONTENT=\"").append(l.text()).append("\" HPOS=\"").append(b.x())
                    .append("\" VPOS=\"").append(b.y()).append("\" WIDTH=\"").append(b.w()).append("\" HEIGHT=\"").append(b.h()).append("\"/></TextLine>\n");
        }
        return sb.append("</TextBlock></PrintSpace></Page></Layout></alto>\n").toString();
    }

    private static void drawVertical(Path file, String text) throws java.io.IOException {
        BufferedImage img = new BufferedImage(1000, 1400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 1000, 1400);
            g.setColor(Color.BLACK);
            Font font = new Font("Noto Serif CJK JP", Font.PLAIN, 40);
            g.setFont(font.getFamily().startsWith("Noto") ? font : new Font(Font.SERIF, Font.PLAIN, 40));
            int n = 0;
            for (int col = 0; col < 11 && n < text.length(); col++) {
                for (int row = 0; row < 24 && n < text.length(); row++, n++) {
                    g.drawString(text.substring(n, n + 1), 860 - col * 70, 110 + row * 46 + 36);
                }
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    private static double[] concurrent(HttpClient http, String base, List<String> queries, int clients, int perClient,
                                       java.util.function.Function<String, String> path) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c * 37;
                futures.add(pool.submit(() -> {
                    double[] out = new double[perClient];
                    for (int i = 0; i < perClient; i++) {
                        out[i] = TimedGet.get(http, base + path.apply(queries.get((i + offset) % queries.size())));
                    }
                    return out;
                }));
            }
            double[] all = new double[clients * perClient];
            int k = 0;
            for (Future<double[]> f : futures) {
                for (double d : f.get()) {
                    all[k++] = d;
                }
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

}
