package org.kura.fulltext.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.fulltext.ItemOcr;
import org.kura.fulltext.PageTextIndex;
import org.kura.fulltext.PageTextReaders;
import org.kura.fulltext.TextIndexer;
import org.kura.fulltext.TextIngester;
import org.kura.fulltext.TextReport;
import org.kura.fulltext.TextStore;
import org.kura.model.AccessTier;
import org.kura.repository.ItemIngester;
import org.kura.repository.OcflObjectStore;
import org.kura.search.EmbeddedSolrBackend;

/** An item OCRed by the real Tesseract, stored, indexed and found; a page the engine cannot read is marked and the rest goes on. */
class ItemOcrTest {
    @TempDir
    Path dir;

    @Test
    void pagesAreReadStoredAndSearchableAndABrokenPageIsMarkedWithItsReason() throws Exception {
        TesseractEngine engine = RealTesseract.engine();
        Path src = Files.createDirectories(dir.resolve("src"));
        PageImages.horizontal(src.resolve("p1.png"));
        byte[] png = Files.readAllBytes(src.resolve("p1.png"));
        Files.write(src.resolve("p2.png"), java.util.Arrays.copyOf(png, 64)); // a PNG cut short after its header
        try (OcflObjectStore objects = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
             PageTextIndex index = new PageTextIndex(new EmbeddedSolrBackend(dir.resolve("solr"), "text"))) {
            new ItemIngester(objects, dir.resolve("work")).ingest(new ItemIngester.Request(src, null, AccessTier.PUBLIC, "ocr-1", "猫", "t"));
            TextStore texts = new TextStore(objects, dir.resolve("work"));
            ItemOcr ocr = new ItemOcr(objects, texts, new TextIngester(texts, new PageTextReaders()), engine, dir.resolve("work"));
            List<Integer> progress = new ArrayList<>();
            ItemOcr.Outcome out = ocr.run("ocr-1", false, new OcrRequest("jpn+eng", false, Duration.ofSeconds(60)),
                    (done, total, failed, perMinute, eta) -> progress.add(done));

            assertThat(out.pagesAsked()).isEqualTo(2);
            assertThat(out.pagesRead()).isEqualTo(1);
            assertThat(out.failed()).singleElement().satisfies(f -> assertThat(f.page()).isEqualTo(2));
            assertThat(progress).containsExactly(1, 2);
            assertThat(texts.page("ocr-1", 1).orElseThrow().text()).contains("猫である").contains("quick brown fox");
            TextReport report = texts.report("ocr-1").orElseThrow();
            assertThat(report.status()).filteredOn(s -> s.page() == 2).singleElement()
                    .satisfies(s -> assertThat(s.state()).isEqualTo(TextReport.State.OCR_FAILED));
            assertThat(report.status()).filteredOn(s -> s.page() == 1).singleElement()
                    .satisfies(s -> assertThat(s.origin()).startsWith("ocr:tesseract"));
            try (var in = objects.open("ocr-1", "text/source/0001.hocr.html")) {
                String hocr = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(hocr).contains("ocrx_word").contains("image \"pages/0001.png\"").doesNotContain(dir.toString());
            }

            new TextIndexer(texts, index).index(new PageTextIndex.ItemInfo("ocr-1", null, null, AccessTier.PUBLIC, "猫"));
            assertThat(index.within("ocr-1", "名前", 0, 10).pagesMatched()).isEqualTo(1);
            // a second run only asks for the page without text
            assertThat(ocr.run("ocr-1", false, new OcrRequest("jpn+eng", false, Duration.ofSeconds(60)), OcrProgress.NONE).pagesAsked())
                    .isEqualTo(1);
            assertThat(texts.page("ocr-1", 1)).isPresent();
        }
    }
}
