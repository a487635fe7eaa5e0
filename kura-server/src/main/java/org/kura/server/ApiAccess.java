package org.kura.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.kura.catalog.ApiKey;
import org.kura.catalog.CatalogStore;

/**
 * Who is calling the public APIs, and whether they may call again now: anonymous clients (by
 * address) get a modest limit, clients sending an API key ({@code X-API-Key} header or
 * {@code api_key} parameter) the key's limit. Over the limit: 429 with {@code Retry-After}. Every
 * answer carries {@code RateLimit-Limit} and {@code RateLimit-Remaining}. Health, metrics and the
 * admin API (which has its own token) are not limited.
 */
public final class ApiAccess {
    /**
     * @param anonymousPerMinute requests per minute per address without a key (0 = unlimited)
     * @param trustedProxies     addresses of reverse proxies whose {@code X-Forwarded-For} is believed
     */
    public record Settings(int anonymousPerMinute, List<String> trustedProxies) {
        public Settings {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }

        public static Settings unlimited() {
            return new Settings(0, List.of());
        }
    }

    private static final Duration KEY_CACHE = Duration.ofSeconds(30);
    private final Settings settings;
    private final CatalogStore store;
    private final RateLimiter limiter = new RateLimiter(System::nanoTime);
    private final ConcurrentHashMap<String, CachedKey> keys = new ConcurrentHashMap<>();

    private record CachedKey(Optional<ApiKey> key, long until) {
    }

    public ApiAccess(Settings settings, CatalogStore store) {
        this.settings = settings;
        this.store = store;
    }

    void install(Javalin app) {
        app.before(this::check);
    }

    private void check(Context ctx) {
        String path = ctx.path();
        if (path.equals("/health") || path.equals("/metrics") || path.startsWith("/api/admin/")
                || ctx.method().name().equals("OPTIONS")) {
            return;
        }
        String given = ctx.header("X-API-Key");
        if (given == null) {
            given = ctx.queryParam("api_key");
        }
        String client;
        int limit;
        if (given != null && !given.isBlank()) {
            ApiKey key = key(given.strip()).orElseThrow(() ->
                    new ProblemException(401, "Unauthorized", "unknown API key; omit it to use the anonymous limit"));
            client = "key:" + key.name();
            limit = key.perMinute();
        } else {
            if (settings.anonymousPerMinute() <= 0) {
                return;
            }
            client = "ip:" + clientAddress(ctx, settings.trustedProxies());
            limit = settings.anonymousPerMinute();
        }
        RateLimiter.Decision d = limiter.acquire(client, limit);
        ctx.header("RateLimit-Limit", Integer.toString(d.limit()));
        ctx.header("RateLimit-Remaining", Integer.toString(d.remaining()));
        if (!d.allowed()) {
            ctx.header("Retry-After", Long.toString(d.retryAfterSeconds()));
            throw new ProblemException(429, "Too Many Requests", "over the limit of " + d.limit()
                    + " requests per minute; retry after " + d.retryAfterSeconds() + " s, or ask for an API key");
        }
    }

    private Optional<ApiKey> key(String given) {
        String hash = hash(given);
        long now = System.nanoTime();
        CachedKey cached = keys.get(hash);
        if (cached == null || cached.until() < now) {
            if (keys.size() > 10_000) {
                keys.clear();
            }
            cached = new CachedKey(store.apiKeyByHash(hash), now + KEY_CACHE.toNanos());
            keys.put(hash, cached);
        }
        return cached.key();
    }

    /** SHA-256 of a key, as stored in the catalog. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The client's address: the peer, unless the peer is a trusted proxy, in which case the nearest
     * address in {@code X-Forwarded-For} that is not itself a trusted proxy. An address a client
     * writes into the header itself is never believed, because only the hop added by a trusted proxy
     * is read.
     */
    public static String clientAddress(Context ctx, List<String> trustedProxies) {
        String peer = ctx.req().getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String xff = ctx.header("X-Forwarded-For");
        if (xff == null || xff.isBlank()) {
            return peer;
        }
        String[] hops = xff.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
