package org.kura.model;

import java.util.Objects;

/**
 * A link out of the record: landing page, full text, holding, thumbnail, IIIF manifest.
 *
 * @param url   absolute URL
 * @param kind  what it points to
 * @param label label as received, or null (for holdings: the holding institution / call number)
 */
public record Link(String url, LinkKind kind, String label) {
    public Link {
        Objects.requireNonNull(url, "url");
        kind = kind == null ? LinkKind.OTHER : kind;
    }
}
