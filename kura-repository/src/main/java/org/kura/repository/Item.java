package org.kura.repository;

import java.util.List;
import java.util.Objects;
import org.kura.model.AccessTier;

/**
 * A digitized item: the page images of one book, scroll, photograph album… as stored, with the
 * catalog record it belongs to and its access tier. Written into the item's OCFL object as
 * {@code item.json}, so that an object is understandable without Kura.
 *
 * @param id        stable item id (also the OCFL object id)
 * @param recordId  the catalog record it digitizes ({@code provider:identifier}), or null
 * @param tier      who may see it
 * @param title     a title for viewers, or null
 * @param pages     page images in reading order
 * @param pdf       path of a PDF of the whole item inside the object, or null
 * @param metadata  path of descriptive metadata (DC-NDL, JSON) inside the object, or null
 */
public record Item(String id, String recordId, AccessTier tier, String title, List<Page> pages, String pdf, String metadata) {
    /**
     * True for an acceptable item id: letters, digits, '.', '_' and '-', at most 128, starting with a letter or
     * digit, no {@code ..} (ids name OCFL objects and appear in URLs; anything else is refused everywhere).
     */
    public static boolean isValidId(String id) {
        return id != null && id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}") && !id.contains("..");
    }

    public Item {
        Objects.requireNonNull(id, "id");
        tier = tier == null ? AccessTier.WITHHELD : tier;
        pages = pages == null ? List.of() : List.copyOf(pages);
    }
}
