package org.kura.fulltext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kura.fulltext.ocr.OcrEngine;
import org.kura.fulltext.ocr.OcrPage;
import org.kura.fulltext.ocr.OcrProgress;
import org.kura.fulltext.ocr.OcrRequest;
import org.kura.fulltext.ocr.OcrRun;
import org.kura.fulltext.ocr.OcrSummary;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import org.kura.repository.ObjectStore;

/**
 * OCR for an item's pages: the engine reads each page image (from the object store's own file when it
 * is on disk, else a temporary copy), its hOCR is stored as the page's text through the
 * {@link TextIngester} (origin {@code ocr:<engine> <version>}), and pages the engine failed on are
 * marked in the text report with the reason while the others go on. Pages that already have text are
 * left alone unless asked.
 */
public final class ItemOcr {
    private final ObjectStore objects;
    private final TextStore texts;
    private final TextIngester ingester;
    private final OcrEngine engine;
    private final Path workDir;

    public ItemOcr(ObjectStore objects, TextStore texts, TextIngester ingester, OcrEngine engine, Path workDir) {
        this.objects = objects;
        this.texts = texts;
        this.ingester = ingester;
        this.engine = engine;
        this.workDir = workDir;
    }

    /** What an OCR run of an item did. */
    public record Outcome(String itemId, int pagesAsked, int pagesRead, List<OcrSummary.Failed> failed, double pagesPerMinute,
                          TextIngester.Result stored) {
    }

    /**
     * @param redo   also pages that have text already
     * @param request languages, the vertical hint and the timeout per page
     */
    public Outcome run(String itemId, boolean redo, OcrRequest request, OcrProgress progress) throws InterruptedException {
        Item item = ItemIngester.read(objects, itemId);
        Set<Integer> have = Set.copyOf(texts.pageNumbers(itemId));
        List<OcrPage> pages = new ArrayList<>();
        List<Path> copies = new ArrayList<>();
        try {
            for (int i = 0; i < item.pages().size(); i++) {
                int n = i + 1;
                if (!redo && have.contains(n)) {
                    continue;
                }
                String file = item.pages().get(i).file();
                Path local = objects.localPath(itemId, file).orElse(null);
                if (local == null) {
                    Files.createDirectories(workDir);
                    local = Files.createTempFile(workDir, "ocr-", file.substring(file.lastIndexOf('.')));
                    try (InputStream in = objects.open(itemId, file)) {
                        Files.copy(in, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    copies.add(local);
                }
                pages.add(new OcrPage(n, local));
            }
            if (pages.isEmpty()) {
                return new Outcome(itemId, 0, 0, List.of(), 0, null);
            }
            OcrSummary summary = new OcrRun(engine).run(pages, request, progress);
            String origin = "ocr:" + engine.name() + " " + engine.version();
            List<TextIngester.Input> inputs = new ArrayList<>();
            for (OcrSummary.Recognized r : summary.recognized()) {
                String file = item.pages().get(r.page() - 1).file();
                inputs.add(new TextIngester.Input(r.page(), String.format("%04d.hocr", r.page()), withoutServerPath(r.result().output(), file)));
            }
            Instant now = Instant.now();
            List<TextReport.PageStatus> failures = summary.failed().stream().map(f -> new TextReport.PageStatus(f.page(),
                    engine.name(), null, null, TextReport.State.OCR_FAILED, f.kind() + ": " + f.message(), now, origin)).toList();
            TextIngester.Result stored = ingester.ingest(itemId, inputs, origin, "kura-ocr", failures);
            return new Outcome(itemId, pages.size(), summary.ok(), summary.failed(), summary.pagesPerMinute(), stored);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the pages of " + itemId + " for OCR", e);
        } finally {
            for (Path c : copies) {
                try {
                    Files.deleteIfExists(c);
                } catch (IOException ignored) {
                    // scratch
                }
            }
        }
    }

    /** hOCR names the image it read by its path on the server: keep only the page's name in the item. */
    static byte[] withoutServerPath(byte[] hocr, String pageFile) {
        String s = new String(hocr, StandardCharsets.UTF_8);
        return s.replaceAll("image \"[^\"]*\"", "image \"" + pageFile.replace("$", "") + "\"").getBytes(StandardCharsets.UTF_8);
    }
}
