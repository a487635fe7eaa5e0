package org.kura.fulltext.ocr;

import java.nio.file.Path;

/**
 * An OCR engine: turns one page image into recognized text with coordinates (hOCR). Implementations
 * are safe to call from many threads; each limits how many pages it recognizes at once to
 * {@link #parallelism()}, so callers may submit more.
 */
public interface OcrEngine {

    /** The engine's short name ({@code tesseract}). */
    String name();

    /**
     * Recognizes one page image.
     *
     * @throws OcrException when the page cannot be recognized; its {@link OcrException#kind()} says why
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted; the
     *         engine's processes are gone by then and the thread's interrupt flag is set again
     */
    OcrResult recognize(Path image, OcrRequest request);

    /** True when the engine is installed and answers (checked once, then remembered). */
    boolean available();

    /**
     * The engine's version ({@code 5.3.0}), to record with the text it produced.
     *
     * @throws OcrException of kind {@link OcrException.Kind#NOT_INSTALLED} when it is not {@link #available()}
     */
    String version();

    /** How many pages the engine recognizes at once at most; more callers wait their turn. */
    int parallelism();
}
