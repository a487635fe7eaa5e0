package org.kura.iiif;

import java.awt.Rectangle;
import java.util.Set;

/**
 * Parses the four parameters of an Image API 3.0 request ({region}/{size}/{rotation}/{quality}.{format})
 * against a source size and the server's limits, into an {@link ImagePlan}. Level 2 syntax: regions
 * {@code full}, {@code square}, {@code x,y,w,h}, {@code pct:x,y,w,h}; sizes {@code max}, {@code w,},
 * {@code ,h}, {@code pct:n}, {@code w,h}, {@code !w,h}, each with {@code ^} for upscaling; rotation
 * 0–360 with {@code !} for mirroring; qualities default, color, gray, bitonal; formats jpg, png.
 * Anything else is a 400 with the reason; a size beyond the limits is a 400 too (the API's rule), so
 * no request can make the server allocate more than the limits allow.
 */
public final class ImageRequestParser {
    public static final Set<String> QUALITIES = Set.of("default", "color", "gray", "bitonal");
    public static final Set<String> FORMATS = Set.of("jpg", "png");

    private final ImageLimits limits;

    public ImageRequestParser(ImageLimits limits) {
        this.limits = limits;
    }

    public ImagePlan parse(String region, String size, String rotation, String qualityFormat, int sourceWidth, int sourceHeight) {
        for (String p : new String[] {region, size, rotation, qualityFormat}) {
            if (p == null || p.isEmpty() || p.length() > 64) {
                throw new IiifException(400, "malformed image request");
            }
        }
        Rectangle r = region(region, sourceWidth, sourceHeight);
        int[] wh = size(size, r.width, r.height);
        boolean mirror = rotation.startsWith("!");
        double degrees;
        try {
            degrees = Double.parseDouble(mirror ? rotation.substring(1) : rotation);
        } catch (NumberFormatException e) {
            throw new IiifException(400, "rotation must be a number of degrees from 0 to 360, optionally after !: " + rotation);
        }
        if (degrees < 0 || degrees > 360 || Double.isNaN(degrees) || !rotation.matches("!?\\d+(\\.\\d+)?")) {
            throw new IiifException(400, "rotation must be from 0 to 360: " + rotation);
        }
        if (degrees == 360) {
            degrees = 0;
        }
        int dot = qualityFormat.lastIndexOf('.');
        if (dot < 1) {
            throw new IiifException(400, "quality and format are written quality.format, e.g. default.jpg");
        }
        String quality = qualityFormat.substring(0, dot);
        String format = qualityFormat.substring(dot + 1);
        if (!QUALITIES.contains(quality)) {
            throw new IiifException(400, "quality must be one of " + QUALITIES + ": " + quality);
        }
        if (!FORMATS.contains(format)) {
            throw new IiifException(400, "format must be one of " + FORMATS + ": " + format);
        }
        if (degrees % 90 != 0) {
            // the rotated bounding box must stay within the limits too
            double rad = Math.toRadians(degrees);
            double bw = Math.abs(wh[0] * Math.cos(rad)) + Math.abs(wh[1] * Math.sin(rad));
            double bh = Math.abs(wh[0] * Math.sin(rad)) + Math.abs(wh[1] * Math.cos(rad));
            checkLimits((int) Math.ceil(bw), (int) Math.ceil(bh));
        }
        return new ImagePlan(r, wh[0], wh[1], mirror, degrees, quality, format);
    }

    private static Rectangle region(String region, int w, int h) {
        if (region.equals("full")) {
            return new Rectangle(0, 0, w, h);
        }
        if (region.equals("square")) {
            int s = Math.min(w, h);
            return new Rectangle((w - s) / 2, (h - s) / 2, s, s);
        }
        boolean pct = region.startsWith("pct:");
        String[] parts = (pct ? region.substring(4) : region).split(",", -1);
        if (parts.length != 4) {
            throw new IiifException(400, "region must be full, square, x,y,w,h or pct:x,y,w,h: " + region);
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IiifException(400, "region values must be numbers: " + region);
            }
            if (v[i] < 0 || Double.isNaN(v[i]) || Double.isInfinite(v[i]) || (!pct && !parts[i].matches("\\d+"))) {
                throw new IiifException(400, "region values must be non-negative " + (pct ? "numbers" : "integers") + ": " + region);
            }
        }
        long x;
        long y;
        long rw;
        long rh;
        if (pct) {
            x = Math.round(v[0] / 100 * w);
            y = Math.round(v[1] / 100 * h);
            rw = Math.round(v[2] / 100 * w);
            rh = Math.round(v[3] / 100 * h);
        } else {
            x = (long) v[0];
            y = (long) v[1];
            rw = (long) v[2];
            rh = (long) v[3];
        }
        if (rw <= 0 || rh <= 0) {
            throw new IiifException(400, "region width and height must be greater than zero: " + region);
        }
        if (x >= w || y >= h) {
            throw new IiifException(400, "region lies outside the image (" + w + "×" + h + "): " + region);
        }
        // the part outside the image is cropped, as the API says
        return new Rectangle((int) x, (int) y, (int) Math.min(rw, w - x), (int) Math.min(rh, h - y));
    }

    private int[] size(String size, int rw, int rh) {
        boolean up = size.startsWith("^");
        String s = up ? size.substring(1) : size;
        int w;
        int h;
        if (s.equals("max")) {
            double scale = Math.min(1.0, maxScale(rw, rh));
            if (up) {
                scale = maxScale(rw, rh);
            }
            w = Math.max(1, (int) Math.floor(rw * scale));
            h = Math.max(1, (int) Math.floor(rh * scale));
        } else if (s.startsWith("pct:")) {
            double n;
            try {
                n = Double.parseDouble(s.substring(4));
            } catch (NumberFormatException e) {
                throw new IiifException(400, "size pct:n needs a number: " + size);
            }
            if (!(n > 0) || (!up && n > 100)) {
                throw new IiifException(400, "size pct:n must be greater than 0" + (up ? "" : " and at most 100 (use ^ to upscale)") + ": " + size);
            }
            w = Math.max(1, (int) Math.round(rw * n / 100));
            h = Math.max(1, (int) Math.round(rh * n / 100));
        } else {
            boolean best = s.startsWith("!");
            String[] p = (best ? s.substring(1) : s).split(",", -1);
            if (p.length != 2 || (p[0].isEmpty() && p[1].isEmpty()) || !p[0].matches("\\d*") || !p[1].matches("\\d*")
                    || p[0].length() > 9 || p[1].length() > 9) {
                throw new IiifException(400, "size must be max, w,, ,h, pct:n, w,h or !w,h (with ^ to upscale): " + size);
            }
            Integer pw = p[0].isEmpty() ? null : Integer.valueOf(p[0]);
            Integer ph = p[1].isEmpty() ? null : Integer.valueOf(p[1]);
            if ((pw != null && pw == 0) || (ph != null && ph == 0)) {
                throw new IiifException(400, "size must be greater than zero: " + size);
            }
            if (best) {
                if (pw == null || ph == null) {
                    throw new IiifException(400, "!w,h needs both w and h: " + size);
                }
                double scale = Math.min((double) pw / rw, (double) ph / rh);
                w = Math.max(1, (int) Math.floor(rw * scale));
                h = Math.max(1, (int) Math.floor(rh * scale));
            } else if (pw != null && ph != null) {
                w = pw;
                h = ph;
            } else if (pw != null) {
                w = pw;
                h = Math.max(1, (int) Math.round((double) rh * pw / rw));
            } else {
                h = ph;
                w = Math.max(1, (int) Math.round((double) rw * ph / rh));
            }
        }
        if (!up && (w > rw || h > rh)) {
            throw new IiifException(400, "size " + w + "×" + h + " is larger than the region " + rw + "×" + rh
                    + "; ask with ^ to upscale");
        }
        checkLimits(w, h);
        return new int[] {w, h};
    }

    private double maxScale(int rw, int rh) {
        double s = Math.min((double) limits.maxWidth() / rw, (double) limits.maxHeight() / rh);
        s = Math.min(s, Math.sqrt((double) limits.maxArea() / ((double) rw * rh)));
        return s;
    }

    private void checkLimits(int w, int h) {
        if (w > limits.maxWidth() || h > limits.maxHeight() || (long) w * h > limits.maxArea()) {
            throw new IiifException(400, "the image asked for (" + w + "×" + h + ") is beyond this server's limits ("
                    + limits.maxWidth() + "×" + limits.maxHeight() + ", " + limits.maxArea() + " pixels)");
        }
    }
}
