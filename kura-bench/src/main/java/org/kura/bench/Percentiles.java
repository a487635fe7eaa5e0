package org.kura.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of measured latencies. */
final class Percentiles {
    private Percentiles() {
    }

    /** The {@code p}-th percentile (1–100) of {@code values}, by the nearest-rank method. */
    static double of(double[] values, int p) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.max(0, Math.min(v.length - 1, (int) Math.ceil(p / 100.0 * v.length) - 1))];
    }
}
