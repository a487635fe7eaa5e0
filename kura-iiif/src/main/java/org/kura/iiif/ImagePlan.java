package org.kura.iiif;

import java.awt.Rectangle;

/**
 * A resolved Image API request: the region of the source in pixels, the output size, rotation,
 * mirroring, quality and format. Its {@link #canonical()} form is the cache key.
 */
public record ImagePlan(Rectangle region, int width, int height, boolean mirror, double rotation, String quality,
                        String format) {

    /** The canonical URI path segments (region/size/rotation/quality.format) of this request. */
    public String canonical(int sourceWidth, int sourceHeight) {
        String r = region.x == 0 && region.y == 0 && region.width == sourceWidth && region.height == sourceHeight
                ? "full" : region.x + "," + region.y + "," + region.width + "," + region.height;
        String rot = (mirror ? "!" : "") + (rotation == Math.rint(rotation) ? Integer.toString((int) rotation) : Double.toString(rotation));
        return r + "/" + width + "," + height + "/" + rot + "/" + quality + "." + format;
    }
}
