package org.kura.server.access;

/** What a request would give out of an item; every endpoint that serves item content names one. */
public enum Action {
    /** The page images at any size, tiles and info.json (what a viewer needs to show the item). */
    VIEW,
    /** The IIIF manifest. */
    MANIFEST,
    /** A small image for result lists (at most {@link AccessPolicy#THUMBNAIL_MAX} pixels on its longer side). */
    THUMBNAIL,
    /** The whole item at once (PDF, bulk image download). */
    DOWNLOAD,
    /** The full text. */
    FULLTEXT,
    /** A short passage around a search hit. */
    SNIPPET
}
