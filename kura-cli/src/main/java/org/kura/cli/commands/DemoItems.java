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
import org.kura.catalog.ItemEntry;
import org.kura.model.AccessTier;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import org.kura.repository.ObjectStore;

/**
 * The demo's digitized items: one per access tier, each a few drawn pages (a cover and text-like
 * pages, generated here so that the repository needs no image files), ingested into the OCFL store
 * and linked to sample records. Items that exist already are left as they are.
 */
final class DemoItems {
    /** An item to make: id, the record it digitizes (provider, identifier), tier, pages. */
    record Spec(String id, String provider, String record, AccessTier tier, int pages) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("demo-public", "ndl", "https://kura.example/demo/ndl-classics/001", AccessTier.PUBLIC, 4),
            new Spec("demo-library", "ndl", "https://kura.example/demo/ndl-classics/002", AccessTier.LIBRARY, 3),
            new Spec("demo-onsite", "ndl", "https://kura.example/demo/ndl-classics/003", AccessTier.ONSITE, 3),
            new Spec("demo-withheld", "museum", "hokusai-001", AccessTier.WITHHELD, 2));

    private DemoItems() {
    }

    static void load(CatalogStore catalog, ObjectStore objects, ItemIngester ingester, Path work) throws IOException {
        for (Spec s : SPECS) {
            if (objects.describe(s.id()).isPresent()) {
                System.out.printf("  item %-14s (%s) already stored%n", s.id(), s.tier());
                continue;
            }
            String title = catalog.record(s.provider(), s.record()).map(r -> r.normalized() == null ? s.id()
                    : r.normalized().mainTitle()).orElse(s.id());
            Path dir = work.resolve(s.id());
            Files.createDirectories(dir);
            StringBuilder labels = new StringBuilder();
            for (int p = 1; p <= s.pages(); p++) {
                String file = String.format("page%02d.png", p);
                draw(dir.resolve(file), p, s.pages(), s.id());
                labels.append(file).append('\t').append(p == 1 ? "表紙" : p == s.pages() ? "裏表紙" : "p. " + (p - 1)).append('\n');
            }
            Files.writeString(dir.resolve("pages.txt"), labels, StandardCharsets.UTF_8);
            Item item = ingester.ingest(new ItemIngester.Request(dir, s.provider() + ":" + s.record(), s.tier(), s.id(), title, "demo"));
            catalog.saveItem(new ItemEntry(item.id(), s.provider(), s.record(), s.tier(), title, item.pages().size(), Instant.now()));
            System.out.printf("  item %-14s (%s) %d pages → %s%n", item.id(), s.tier(), item.pages().size(), title);
        }
    }

    /** A 1000×1400 page: paper, a frame, and for the cover a title block, else lines of "text". */
    private static void draw(Path file, int page, int pages, String id) throws IOException {
        BufferedImage img = new BufferedImage(1000, 1400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xF3, 0xEC, 0xDC));
            g.fillRect(0, 0, 1000, 1400);
            g.setColor(new Color(0x8B, 0x5A, 0x2B));
            g.setStroke(new BasicStroke(8));
            g.drawRect(40, 40, 920, 1320);
            g.setColor(new Color(0x33, 0x2A, 0x22));
            if (page == 1) {
                g.fillRect(420, 200, 160, 800);
                g.setColor(new Color(0xF3, 0xEC, 0xDC));
                g.setFont(new Font(Font.SERIF, Font.BOLD, 48));
                g.drawString("KURA", 440, 620);
            } else {
                // vertical lines of "text", right to left, as a Japanese page reads
                for (int col = 0; col < 12; col++) {
                    int x = 880 - col * 70;
                    int len = 900 + (int) (Math.abs(Math.sin(page * 7 + col)) * 250);
                    for (int y = 120; y < 120 + len; y += 44) {
                        g.fillRect(x, y, 34, 30);
                    }
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
