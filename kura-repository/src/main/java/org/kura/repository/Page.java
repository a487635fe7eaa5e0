package org.kura.repository;

import java.util.Objects;

/**
 * One page (image) of a digitized item, in reading order.
 *
 * @param file  path of the image inside the item's content ({@code pages/0001.tif})
 * @param label the page label shown in viewers (e.g. {@code 表紙}, {@code p. 12}); may be null
 */
public record Page(String file, String label) {
    public Page {
        Objects.requireNonNull(file, "file");
    }
}
