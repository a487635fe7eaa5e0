package org.kura.server.access;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Institution;
import org.kura.catalog.Terminal;
import org.kura.server.ApiAccess;

/**
 * Tells who sent a request: staff by the admin bearer token; an institution by its key
 * ({@code X-Institution-Key}); an on-site terminal by its address ranges (a terminal is a place: who
 * sits at it does not change what it may show); a registered reader by the session cookie of a sign-in
 * ({@link ReaderSessions}); an institution by its address ranges; otherwise anonymous. The address is the peer's, or the one a trusted proxy forwarded — a client's
 * own {@code X-Forwarded-For} is never believed. Institutions and terminals are re-read from the
 * catalog every 30 seconds.
 */
public final class PrincipalResolver {
    private record Registry(List<Institution> institutions, List<Terminal> terminals, long readAt) {
    }

    private final CatalogStore store;
    private final byte[] staffHeader;
    private final List<String> trustedProxies;
    private final AtomicReference<Registry> registry = new AtomicReference<>();
    private final ReaderSessions readers;

    public PrincipalResolver(CatalogStore store, String adminToken, List<String> trustedProxies) {
        this(store, adminToken, trustedProxies, null);
    }

    /** @param readers sessions of signed-in readers, or null where readers cannot sign in */
    public PrincipalResolver(CatalogStore store, String adminToken, List<String> trustedProxies, ReaderSessions readers) {
        this.readers = readers;
        this.store = store;
        this.staffHeader = ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public Principal resolve(Context ctx) {
        String auth = ctx.header("Authorization");
        if (auth != null && MessageDigest.isEqual(staffHeader, auth.getBytes(StandardCharsets.UTF_8))) {
            return Principal.staff("admin");
        }
        Registry r = registry();
        String key = ctx.header("X-Institution-Key");
        if (key != null && !key.isBlank()) {
            String hash = ApiAccess.hash(key.strip());
            for (Institution i : r.institutions()) {
                if (i.keyHash() != null && MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                        i.keyHash().getBytes(StandardCharsets.US_ASCII))) {
                    return new Principal(Principal.Kind.INSTITUTION, i.isil(), false);
                }
            }
        }
        String ip = ApiAccess.clientAddress(ctx, trustedProxies);
        for (Terminal t : r.terminals()) {
            if (t.ipRanges().stream().anyMatch(range -> IpRange.parse(range).contains(ip))) {
                return new Principal(Principal.Kind.TERMINAL, t.id(), false);
            }
        }
        if (readers != null) {
            java.util.Optional<Principal> reader = readers.principal(ctx.cookie(ReaderSessions.COOKIE));
            if (reader.isPresent()) {
                return reader.get();
            }
        }
        for (Institution i : r.institutions()) {
            if (i.ipRanges().stream().anyMatch(range -> IpRange.parse(range).contains(ip))) {
                return new Principal(Principal.Kind.INSTITUTION, i.isil(), false);
            }
        }
        return Principal.ANONYMOUS;
    }

    /** Forget the cached institutions and terminals (after a change). */
    public void refresh() {
        registry.set(null);
    }

    private Registry registry() {
        Registry r = registry.get();
        long now = System.nanoTime();
        if (r == null || now - r.readAt() > 30_000_000_000L) {
            r = new Registry(store.institutions(), store.terminals(), now);
            registry.set(r);
        }
        return r;
    }
}
