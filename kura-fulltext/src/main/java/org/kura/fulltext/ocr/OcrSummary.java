package org.kura.fulltext.ocr;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link OcrRun} went: each page's result or why it failed, in page order.
 *
 * @param recognized the pages recognized, with their results
 * @param failed     the pages that failed, with why
 * @param took       how long the run took
 */
public record OcrSummary(List<Recognized> recognized, List<Failed> failed, Duration took) {

    /** What became of one page. */
    public sealed interface PageOutcome permits Recognized, Failed {
        /** The page number. */
        int page();
    }

    /** A page and what the engine made of it. */
    public record Recognized(int page, OcrResult result) implements PageOutcome {}

    /** A page that could not be recognized, and why ({@link OcrException#kind()} and message). */
    public record Failed(int page, OcrException.Kind kind, String message) implements PageOutcome {}

    public OcrSummary {
        recognized = List.copyOf(recognized);
        failed = List.copyOf(failed);
        Objects.requireNonNull(took, "took");
    }

    /** Pages recognized. */
    public int ok() {
        return recognized.size();
    }

    /** Pages finished, recognized or failed, per minute of the run. */
    public double pagesPerMinute() {
        return OcrRun.perMinute(recognized.size() + failed.size(), took);
    }
}
