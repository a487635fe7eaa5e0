package org.kura.cli.commands;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.kura.cli.Wiring;
import org.kura.fulltext.ItemOcr;
import org.kura.fulltext.ocr.OcrRequest;
import org.kura.fulltext.ocr.OcrSummary;
import org.kura.fulltext.ocr.TesseractEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kura ocr ITEM|--all}: OCR of items' page images with Tesseract, stored as their text and indexed. */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = {"OCR the pages of an item (or of every item) that have no text yet, with Tesseract (Debian: tesseract-ocr, "
            + "tesseract-ocr-jpn, tesseract-ocr-jpn-vert), store the hOCR as the pages' text and index it.",
            "A page the engine fails on (crash, timeout, unreadable image) is marked in the item's text report with the reason; "
                + "the run goes on. Progress (pages/min, ETA) on stderr."})
public final class OcrCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "ITEM", arity = "0..1", description = "The item (or use --all).") String item;
    @Option(names = "--all", description = "Every item in the catalog.") boolean all;
    @Option(names = "--redo", description = "Also pages that have text already.") boolean redo;
    @Option(names = "--languages", defaultValue = "jpn+jpn_vert",
            description = "Tesseract languages (each one roughly doubles the time), e.g. jpn_vert for vertical books, jpn+eng.")
    String languages;
    @Option(names = "--vertical", description = "Hint: the pages are written vertically (tategaki).") boolean vertical;
    @Option(names = "--timeout", defaultValue = "120", description = "Seconds per page before the engine is stopped.") int timeout;
    @Option(names = "--parallel", defaultValue = "0", description = "Pages at once (default: the number of cores).") int parallel;
    @Option(names = "--command", defaultValue = TesseractEngine.DEFAULT_COMMAND, description = "The tesseract program.") String command;

    @Override
    public Integer call() throws Exception {
        if ((item == null) == !all) {
            throw new IllegalArgumentException("name one ITEM or give --all");
        }
        TesseractEngine engine = new TesseractEngine(command, parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors());
        if (!engine.available()) {
            System.err.println("Tesseract is not installed: apt-get install tesseract-ocr tesseract-ocr-jpn tesseract-ocr-jpn-vert");
            return 2;
        }
        try (Wiring w = new Wiring(common.load())) {
            List<String> ids = item != null ? List.of(item) : w.allItemIds();
            ItemOcr ocr = w.itemOcr(engine);
            OcrRequest request = new OcrRequest(languages, vertical, Duration.ofSeconds(timeout));
            int failed = 0;
            for (String id : ids) {
                ItemOcr.Outcome out = ocr.run(id, redo, request, (done, total, f, perMinute, eta) -> System.err.printf(
                        "\r  %s: %d/%d pages, %d failed, %.1f pages/min, ETA %ds   ", id, done, total, f, perMinute, eta.toSeconds()));
                System.err.println();
                if (out.pagesAsked() == 0) {
                    System.out.printf("item %s: every page has text already (--redo to read them again)%n", id);
                    continue;
                }
                int indexed = w.indexTextOrSay(id);
                System.out.printf("item %s: %d of %d page(s) read by %s %s (%.1f pages/min), %d indexed%n", id, out.pagesRead(),
                        out.pagesAsked(), engine.name(), engine.version(), out.pagesPerMinute(), indexed);
                for (OcrSummary.Failed f : out.failed()) {
                    System.out.printf("  page %d failed: %s %s%n", f.page(), f.kind(), f.message());
                }
                failed += out.failed().size();
            }
            return failed == 0 ? 0 : 3;
        }
    }
}
