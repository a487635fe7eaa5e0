package org.kura.fulltext.ocr;

import java.time.Duration;

/**
 * Hears how an {@link OcrRun} goes: called once after each page, recognized or failed, always from the
 * thread that started the run, with {@code done} counting up to {@code total}.
 */
@FunctionalInterface
public interface OcrProgress {
    /** Says nothing. */
    OcrProgress NONE = (done, total, failed, pagesPerMinute, eta) -> { };

    /**
     * @param done           pages finished so far, recognized or failed
     * @param total          pages in the run
     * @param failed         of those finished, how many failed
     * @param pagesPerMinute pages finished per minute since the run started
     * @param eta            the time the remaining pages will take at that pace ({@link Duration#ZERO} when done)
     */
    void page(int done, int total, int failed, double pagesPerMinute, Duration eta);
}
