package org.kura.iiif;

/**
 * The largest image the server renders: requests beyond it are refused (never rendered into gigabytes
 * of memory), and {@code max} means this size. Advertised in {@code info.json}.
 */
public record ImageLimits(int maxWidth, int maxHeight, long maxArea) {
    public static ImageLimits defaults() {
        return new ImageLimits(8192, 8192, 25_000_000L);
    }
}
