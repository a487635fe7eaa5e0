package org.kura.fulltext.ocr;

import java.time.Duration;
import java.util.Objects;

/**
 * What an engine made of one page.
 *
 * @param format the output's format ({@code hocr})
 * @param output the output as the engine wrote it (UTF-8 for hOCR); not copied, do not change it
 * @param took   how long the engine worked on the page (waiting for a free slot not counted)
 */
public record OcrResult(String format, byte[] output, Duration took) {
    public OcrResult {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(took, "took");
    }
}
