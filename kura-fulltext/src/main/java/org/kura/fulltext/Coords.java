package org.kura.fulltext;

/**
 * Coordinates as OCR files write them: integers, or decimals (ALTO allows floats) rounded to the
 * nearest pixel. A value that is not a finite number gives null, so a broken box is dropped and the
 * text it belongs to is kept.
 */
final class Coords {
    private Coords() {
    }

    /** The rounded number, or null when absent, not a number, or past the int range. */
    static Integer number(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s.strip());
            if (!Double.isFinite(d) || Math.abs(d) > Integer.MAX_VALUE / 2.0) {
                return null;
            }
            return (int) Math.round(d);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A box from position and size, or null when one of them is missing, broken or the size negative. */
    static Box box(String x, String y, String w, String h) {
        Integer bx = number(x);
        Integer by = number(y);
        Integer bw = number(w);
        Integer bh = number(h);
        if (bx == null || by == null || bw == null || bh == null || bw < 0 || bh < 0) {
            return null;
        }
        return new Box(bx, by, bw, bh);
    }

    /** A size (page width or height): the rounded number, or 0 (unknown) when missing, broken or negative. */
    static int size(String s) {
        Integer n = number(s);
        return n == null || n < 0 ? 0 : n;
    }
}
