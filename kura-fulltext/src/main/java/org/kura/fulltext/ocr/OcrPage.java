package org.kura.fulltext.ocr;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One page image to recognize.
 *
 * @param page  the page number, 1-based, in the item's reading order
 * @param image the image file
 */
public record OcrPage(int page, Path image) {
    public OcrPage {
        if (page < 1) {
            throw new IllegalArgumentException("pages are numbered from 1: " + page);
        }
        Objects.requireNonNull(image, "image");
    }
}
