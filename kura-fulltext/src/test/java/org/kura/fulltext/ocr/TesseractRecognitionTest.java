package org.kura.fulltext.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's Tesseract on images drawn by the test (skipped without it, unless required). */
class TesseractRecognitionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern LINE = Pattern.compile("class='ocr_line'[^>]*title=\"bbox (\\d+) (\\d+) (\\d+) (\\d+)");

    @TempDir
    Path dir;
    TesseractEngine engine;

    @BeforeEach
    void tesseract() {
        engine = RealTesseract.engine();
    }

    @Test
    void knowsItsVersionAndLanguages() {
        assertThat(engine.version()).matches("\\d+\\.\\d+.*");
        assertThat(engine.languages()).contains("eng", "jpn", "jpn_vert");
    }

    @Test
    void readsHorizontalJapaneseAndEnglish() {
        Path image = PageImages.horizontal(dir.resolve("horizontal.png"));

        OcrResult result = engine.recognize(image, new OcrRequest("jpn+eng", false, TIMEOUT));

        String hocr = new String(result.output(), StandardCharsets.UTF_8);
        assertThat(result.format()).isEqualTo("hocr");
        assertThat(hocr).contains("class='ocr_page'", "class='ocr_line'", "class='ocrx_word'");
        // Tesseract 5.3 reads 輩 as 墓/募 in some sizes and fonts; these it reads every time
        assertThat(joined(hocr)).contains("猫である", "名前はまだ無い");
        assertThat(words(hocr)).contains("The quick brown fox");
    }

    @Test
    void readsVerticalJapaneseInTallLines() {
        Path image = PageImages.vertical(dir.resolve("vertical.png"));

        OcrResult result = engine.recognize(image, new OcrRequest("jpn_vert", true, TIMEOUT));

        String hocr = new String(result.output(), StandardCharsets.UTF_8);
        assertThat(hocr).contains("class='ocr_page'", "class='ocrx_word'");
        assertThat(joined(hocr)).contains("名前はまだ無い", "である");
        List<int[]> lines = lineBoxes(hocr);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(b -> assertThat(b[3] - b[1]).as("height of %s", List.of(b[0], b[1], b[2], b[3]))
                        .isGreaterThan(b[2] - b[0]));
    }

    @Test
    void readsTwoTiersOfVerticalLinesTierByTier() {
        // why automatic segmentation comes first: as one block (psm 5) the lines of both tiers are mixed
        Path image = PageImages.twoTiers(dir.resolve("two-tiers.png"));

        OcrResult result = engine.recognize(image, new OcrRequest("jpn+jpn_vert", true, TIMEOUT));

        String text = joined(new String(result.output(), StandardCharsets.UTF_8));
        assertThat(text).contains("名前はまだ無い。どこで生れたかとんと見当がつかぬ。", "この書生というのは時々我々を捕えて煮て食う");
    }

    @Test
    void aTruncatedPngIsABadImage() throws Exception {
        byte[] png = Files.readAllBytes(PageImages.horizontal(dir.resolve("whole.png")));
        Path broken = Files.write(dir.resolve("broken.png"), java.util.Arrays.copyOf(png, 200));

        assertThatThrownBy(() -> engine.recognize(broken, new OcrRequest("jpn", false, TIMEOUT)))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.BAD_IMAGE))
                .hasMessageContaining("cannot read the image broken.png");
    }

    @Test
    void aLanguageNotInstalledIsRefusedBeforeRunning() {
        Path image = PageImages.blankPng(dir.resolve("blank.png"));

        assertThatThrownBy(() -> engine.recognize(image, new OcrRequest("jpn+zzz_vert", false, TIMEOUT)))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.NOT_INSTALLED))
                .hasMessageContaining("no language zzz_vert")
                .hasMessageContaining("apt-get install tesseract-ocr-zzz-vert");
    }

    /** The recognized text without tags and without spaces (Tesseract puts one between Japanese words). */
    private static String joined(String hocr) {
        return words(hocr).replaceAll("\\s+", "");
    }

    /** The recognized text without tags, runs of white space made one space. */
    private static String words(String hocr) {
        String body = hocr.substring(Math.max(0, hocr.indexOf("<body")));
        return body.replaceAll("<[^>]*>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replaceAll("\\s+", " ").strip();
    }

    private static List<int[]> lineBoxes(String hocr) {
        List<int[]> out = new ArrayList<>();
        Matcher m = LINE.matcher(hocr);
        while (m.find()) {
            out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))});
        }
        return out;
    }
}
