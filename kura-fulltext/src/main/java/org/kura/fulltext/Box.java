package org.kura.fulltext;

/**
 * A rectangle on a page image, in the image's pixels (origin top left), as OCR engines report it.
 */
public record Box(int x, int y, int w, int h) {
    public Box {
        if (w < 0 || h < 0) {
            throw new IllegalArgumentException("a box has no negative size: " + w + "x" + h);
        }
    }

    /** The IIIF / Media Fragments form {@code x,y,w,h}. */
    public String xywh() {
        return x + "," + y + "," + w + "," + h;
    }

    /** The smallest box holding both. */
    public Box union(Box o) {
        int x0 = Math.min(x, o.x);
        int y0 = Math.min(y, o.y);
        int x1 = Math.max(x + w, o.x + o.w);
        int y1 = Math.max(y + h, o.y + o.h);
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }
}
