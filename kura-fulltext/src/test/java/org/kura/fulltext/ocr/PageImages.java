package org.kura.fulltext.ocr;

import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/** Page images drawn for the tests: black text on white, large enough for OCR. */
final class PageImages {
    static final String SANS = "Noto Sans CJK JP";
    static final String SERIF = "Noto Serif CJK JP";
    static final String NEKO = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー"
            + "泣いていた事だけは記憶している。吾輩はここで始めて人間というものを見た。しかもあとで聞くとそれは書生という人間中で"
            + "一番獰悪な種族であったそうだ。この書生というのは時々我々を捕えて煮て食うという話である。しかしその当時は何という考も"
            + "なかったから別段恐しいとも思わなかった。ただ彼の掌に載せられてスーと持ち上げられた時何だかフワフワした感じがあったばかりである。";

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private PageImages() {
    }

    /** Two horizontal lines: Japanese, then English. */
    static Path horizontal(Path file) {
        BufferedImage img = blank(1400, 400);
        Graphics2D g = pen(img, font(SANS, 56));
        g.drawString("吾輩は猫である。名前はまだ無い。", 60, 130);
        g.drawString("The quick brown fox", 60, 280);
        g.dispose();
        return write(img, file);
    }

    /** Three short vertical lines, one character under the other, right to left. */
    static Path vertical(Path file) {
        String[] columns = {"吾輩は猫である。", "名前はまだ無い。", "どこで生れたか"};
        int size = 56;
        BufferedImage img = blank(800, 700);
        Graphics2D g = pen(img, font(SERIF, size));
        FontMetrics fm = g.getFontMetrics();
        for (int c = 0; c < columns.length; c++) {
            drawColumn(g, columns[c], 800 - 150 - c * 120, 60 + fm.getAscent(), size + 8);
        }
        g.dispose();
        return write(img, file);
    }

    /**
     * A page set in two tiers of vertical lines (nidan-gumi) under a horizontal running head, with a
     * page number: the text runs down the right-most line of the upper tier, on leftwards to the end of
     * the tier, then on in the lower tier.
     */
    static Path twoTiers(Path file) {
        int size = 36;
        int perLine = 10;
        int gap = (int) (size * 1.7);
        int lines = 12;
        int width = 200 + lines * gap;
        BufferedImage img = blank(width, 1100);
        Graphics2D g = pen(img, font(SANS, 28));
        g.drawString("吾輩は猫である　第一章", 100, 60);
        g.drawString("一二", width / 2, 1070);
        g.setFont(font(SERIF, size));
        FontMetrics fm = g.getFontMetrics();
        int at = 0;
        for (int tier = 0; tier < 2; tier++) {
            for (int c = 0; c < lines && at < NEKO.length(); c++) {
                String line = NEKO.substring(at, Math.min(NEKO.length(), at + perLine));
                drawColumn(g, line, width - 100 - size - c * gap, 120 + tier * 480 + fm.getAscent(), size + 6);
                at += line.length();
            }
        }
        g.dispose();
        return write(img, file);
    }

    /** A small white PNG: an image for engines that do not look at it. */
    static Path blankPng(Path file) {
        return write(blank(40, 30), file);
    }

    private static void drawColumn(Graphics2D g, String text, int x, int y, int step) {
        for (int i = 0; i < text.length(); i++) {
            g.drawString(text.substring(i, i + 1), x, y + i * step);
        }
    }

    private static BufferedImage blank(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    private static Graphics2D pen(BufferedImage img, Font font) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        return g;
    }

    /** The font, or the test is skipped (failed where Tesseract is required) without it. */
    private static Font font(String family, int size) {
        Font f = new Font(family, Font.PLAIN, size);
        if (!f.getFamily().equals(family) || f.canDisplayUpTo("吾輩猫") >= 0) {
            String why = "font " + family + " is not installed (apt-get install fonts-noto-cjk)";
            if (RealTesseract.required()) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return f;
    }

    private static Path write(BufferedImage img, Path file) {
        try {
            ImageIO.write(img, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
