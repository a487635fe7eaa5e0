package org.kura.cli.commands;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.kura.catalog.CatalogStore;
import org.kura.cli.Wiring;
import org.kura.catalog.ItemEntry;
import org.kura.model.AccessTier;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import org.kura.repository.ObjectStore;

/**
 * The demo's digitized items: one per access tier, each a few drawn pages (a cover and pages set in
 * vertical columns with the opening of a public-domain work, generated here so that the repository
 * needs no image files), ingested into the OCFL store and linked to sample records, with their text:
 * the public item is read by the OCR engine (Tesseract) when it is installed, the others get ALTO
 * written from the drawn layout (exact character boxes). Items that exist already are left as they are.
 */
final class DemoItems {
    /** An item to make: id, the record it digitizes (provider, identifier), tier, pages, and the text its pages carry. */
    record Spec(String id, String provider, String record, AccessTier tier, int pages, String text) {
    }

    // Openings of public-domain works (Natsume Sōseki, d. 1916), set on the demo pages.
    static final String NEKO = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いて"
            + "いた事だけは記憶している。吾輩はここで始めて人間というものを見た。しかもあとで聞くとそれは書生という人間中で一番獰悪な種族で"
            + "あったそうだ。この書生というのは時々我々を捕えて煮て食うという話である。しかしその当時は何という考もなかったから別段恐しいとも"
            + "思わなかった。ただ彼の掌に載せられてスーと持ち上げられた時何だかフワフワした感じがあったばかりである。掌の上で少し落ちついて"
            + "書生の顔を見たのがいわゆる人間というものの見始であろう。この時妙なものだと思った感じが今でも残っている。";
    static final String BOTCHAN = "親譲りの無鉄砲で小供の時から損ばかりしている。小学校に居る時分学校の二階から飛び降りて一週間ほど腰を抜かした事が"
            + "ある。なぜそんな無闇をしたと聞く人があるかも知れぬ。別段深い理由でもない。新築の二階から首を出していたら、同級生の一人が冗談に、"
            + "いくら威張っても、そこから飛び降りる事は出来まい。弱虫やーい。と囃したからである。小使に負ぶさって帰って来た時、おやじが大きな"
            + "眼をして二階ぐらいから飛び降りて腰を抜かす奴があるかと云ったから、この次は抜かさずに飛んで見せますと答えた。";
    static final String KUSAMAKURA = "山路を登りながら、こう考えた。智に働けば角が立つ。情に棹させば流される。意地を通せば窮屈だ。とかくに人の世は"
            + "住みにくい。住みにくさが高じると、安い所へ引き越したくなる。どこへ越しても住みにくいと悟った時、詩が生れて、画が出来る。"
            + "人の世を作ったものは神でもなければ鬼でもない。やはり向う三軒両隣りにちらちらするただの人である。";
    static final String KOKORO = "私はその人を常に先生と呼んでいた。だからここでもただ先生と書くだけで本名は打ち明けない。これは世間を憚かる遠慮"
            + "というよりも、その方が私にとって自然だからである。";

    static final List<Spec> SPECS = List.of(
            new Spec("demo-public", "ndl", "https://kura.example/demo/ndl-classics/001", AccessTier.PUBLIC, 4, NEKO),
            new Spec("demo-library", "ndl", "https://kura.example/demo/ndl-classics/002", AccessTier.LIBRARY, 3, BOTCHAN),
            new Spec("demo-onsite", "ndl", "https://kura.example/demo/ndl-classics/003", AccessTier.ONSITE, 3, KUSAMAKURA),
            new Spec("demo-withheld", "museum", "hokusai-001", AccessTier.WITHHELD, 2, KOKORO));

    /** The page layout: columns right to left, one character per cell. */
    static final int WIDTH = 1000;
    static final int HEIGHT = 1400;
    static final int FONT = 40;
    static final int CELL = 46;
    static final int COLUMN_STEP = 70;
    static final int FIRST_COLUMN_X = 860;
    static final int TOP = 110;
    static final int PER_COLUMN = 24;
    static final int COLUMNS = 11;

    private DemoItems() {
    }

    /** What the demo's items came to: ids whose text still has to be indexed. */
    static List<String> load(Wiring w, Path work) throws IOException {
        CatalogStore catalog = w.catalog();
        ObjectStore objects = w.objectStore();
        List<String> withText = new java.util.ArrayList<>();
        for (Spec s : SPECS) {
            if (objects.describe(s.id()).isPresent()) {
                System.out.printf("  item %-14s (%s) already stored%n", s.id(), s.tier());
                if (!w.textStore().pageNumbers(s.id()).isEmpty()) {
                    withText.add(s.id());
                }
                continue;
            }
            String title = catalog.record(s.provider(), s.record()).map(r -> r.normalized() == null ? s.id()
                    : r.normalized().mainTitle()).orElse(s.id());
            Path dir = work.resolve(s.id());
            Path text = work.resolve(s.id() + "-text");
            Files.createDirectories(dir);
            Files.createDirectories(text);
            StringBuilder labels = new StringBuilder();
            int at = 0;
            for (int p = 1; p <= s.pages(); p++) {
                String file = String.format("page%02d.png", p);
                boolean body = p > 1 && p < s.pages() || s.pages() == 2 && p == 2;
                String chunk = "";
                if (body) {
                    chunk = s.text().substring(Math.min(at, s.text().length()), Math.min(s.text().length(), at + PER_COLUMN * COLUMNS));
                    at += chunk.length();
                }
                draw(dir.resolve(file), p, s.pages(), s.id(), chunk);
                if (body) {
                    Files.writeString(text.resolve(String.format("%04d.xml", p)), alto(file, chunk), StandardCharsets.UTF_8);
                }
                labels.append(file).append('\t').append(p == 1 ? "表紙" : p == s.pages() && s.pages() > 2 ? "裏表紙" : "p. " + (p - 1)).append('\n');
            }
            Files.writeString(dir.resolve("pages.txt"), labels, StandardCharsets.UTF_8);
            Item item = w.itemIngester().ingest(new ItemIngester.Request(dir, s.provider() + ":" + s.record(), s.tier(), s.id(), title, "demo"));
            catalog.saveItem(new ItemEntry(item.id(), s.provider(), s.record(), s.tier(), title, item.pages().size(), Instant.now()));
            System.out.printf("  item %-14s (%s) %d pages → %s%n", item.id(), s.tier(), item.pages().size(), title);
            if (s.tier() == AccessTier.PUBLIC && ocr(w, item.id())) {
                withText.add(item.id());
                continue;
            }
            w.textIngester().ingest(item.id(), text, "demo");
            System.out.printf("    text: ALTO of %s%n", item.id());
            withText.add(item.id());
        }
        return withText;
    }

    /** The public item is read by the OCR engine when Tesseract is installed (the ALTO is the fallback). */
    private static boolean ocr(Wiring w, String itemId) {
        org.kura.fulltext.ocr.TesseractEngine engine = new org.kura.fulltext.ocr.TesseractEngine();
        if (!engine.available() || !engine.languages().contains("jpn_vert")) {
            System.out.println("    OCR: Tesseract with jpn_vert is not installed; the item's text is its ALTO "
                    + "(apt-get install tesseract-ocr tesseract-ocr-jpn-vert)");
            return false;
        }
        try {
            org.kura.fulltext.ItemOcr.Outcome out = w.itemOcr(engine).run(itemId, false,
                    new org.kura.fulltext.ocr.OcrRequest("jpn_vert", true, java.time.Duration.ofSeconds(120)),
                    (done, total, failed, perMinute, eta) -> System.out.printf("\r    OCR (%s %s): %d/%d pages, %.1f pages/min   ",
                            engine.name(), engine.version(), done, total, perMinute));
            System.out.println();
            return out.pagesRead() > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            System.out.println("    OCR failed (" + e.getMessage() + "); the item's text is its ALTO");
            return false;
        }
    }

    /** The cell of the n-th character of a page: column right to left, cells top to bottom. */
    static int[] cell(int n) {
        int col = n / PER_COLUMN;
        int row = n % PER_COLUMN;
        return new int[] {FIRST_COLUMN_X - col * COLUMN_STEP, TOP + row * CELL};
    }

    /** ALTO v4 of a drawn page: a line per column, a String per character with its exact box. */
    static String alto(String image, String text) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">\n  <Description><MeasurementUnit>pixel</MeasurementUnit>"
                + "<sourceImageInformation><fileName>" + image + "</fileName></sourceImageInformation></Description>\n"
                + "  <Layout><Page ID=\"P1\" WIDTH=\"" + WIDTH + "\" HEIGHT=\"" + HEIGHT + "\" PHYSICAL_IMG_NR=\"1\"><PrintSpace>"
                + "<TextBlock ID=\"B1\">\n");
        int[] cps = text.codePoints().toArray();
        for (int start = 0; start < cps.length; start += PER_COLUMN) {
            int end = Math.min(cps.length, start + PER_COLUMN);
            int[] top = cell(start);
            sb.append("    <TextLine HPOS=\"").append(top[0]).append("\" VPOS=\"").append(top[1]).append("\" WIDTH=\"").append(FONT)
                    .append("\" HEIGHT=\"").append((end - start) * CELL).append("\">");
            for (int i = start; i < end; i++) {
                int[] c = cell(i);
                sb.append("<String CONTENT=\"").append(new String(Character.toChars(cps[i]))).append("\" HPOS=\"").append(c[0])
                        .append("\" VPOS=\"").append(c[1]).append("\" WIDTH=\"").append(FONT).append("\" HEIGHT=\"").append(CELL).append("\"/>");
            }
            sb.append("</TextLine>\n");
        }
        return sb.append("  </TextBlock></PrintSpace></Page></Layout>\n</alto>\n").toString();
    }

    /** A 1000×1400 page: paper, a frame, and for the cover a title block, else the text in vertical columns. */
    private static void draw(Path file, int page, int pages, String id, String text) throws IOException {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xF3, 0xEC, 0xDC));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0x8B, 0x5A, 0x2B));
            g.setStroke(new BasicStroke(8));
            g.drawRect(40, 40, 920, 1320);
            g.setColor(new Color(0x33, 0x2A, 0x22));
            if (page == 1) {
                g.fillRect(420, 200, 160, 800);
                g.setColor(new Color(0xF3, 0xEC, 0xDC));
                g.setFont(new Font(Font.SERIF, Font.BOLD, 48));
                g.drawString("KURA", 440, 620);
            } else if (!text.isEmpty()) {
                Font font = new Font("Noto Serif CJK JP", Font.PLAIN, FONT);
                if (!font.getFamily().startsWith("Noto")) {
                    font = new Font(Font.SERIF, Font.PLAIN, FONT);
                }
                g.setFont(font);
                java.awt.FontMetrics fm = g.getFontMetrics();
                int[] cps = text.codePoints().toArray();
                for (int i = 0; i < cps.length; i++) {
                    int[] c = cell(i);
                    String ch = new String(Character.toChars(cps[i]));
                    int x = c[0] + (FONT - fm.stringWidth(ch)) / 2;
                    boolean punct = ch.equals("。") || ch.equals("、");
                    // vertical punctuation sits top right of its cell
                    g.drawString(ch, punct ? x + FONT / 2 : x, c[1] + fm.getAscent() - (punct ? FONT / 2 : 0));
                }
            }
            g.setColor(new Color(0x55, 0x44, 0x33));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
            g.drawString(id + "  " + page + " / " + pages, 60, 1340);
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
    }
}
