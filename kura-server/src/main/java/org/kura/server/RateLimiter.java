package org.kura.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets per client: a client may send {@code perMinute} requests in a burst and then one
 * every {@code 60 / perMinute} seconds. Idle buckets are dropped so that the map stays small.
 */
final class RateLimiter {
    /** The outcome for one request: allowed or not, what is left and when to retry. */
    record Decision(boolean allowed, int limit, int remaining, long retryAfterSeconds) {
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;
    private volatile long lastSweep;

    RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    Decision acquire(String client, int perMinute) {
        long now = nanoTime.getAsLong();
        sweep(now);
        Bucket b = buckets.computeIfAbsent(client, k -> {
            Bucket n = new Bucket();
            n.tokens = perMinute;
            n.lastNanos = now;
            return n;
        });
        synchronized (b) {
            double perNano = perMinute / 60e9;
            b.tokens = Math.min(perMinute, b.tokens + (now - b.lastNanos) * perNano);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return new Decision(true, perMinute, (int) Math.floor(b.tokens), 0);
            }
            long wait = (long) Math.ceil((1 - b.tokens) / perNano / 1e9);
            return new Decision(false, perMinute, 0, Math.max(1, wait));
        }
    }

    /** Once a minute, forget buckets that have been full (idle) for over a minute. */
    private void sweep(long now) {
        if (now - lastSweep < 60_000_000_000L) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(e -> now - e.getValue().lastNanos > 60_000_000_000L);
    }

    int size() {
        return buckets.size();
    }
}
