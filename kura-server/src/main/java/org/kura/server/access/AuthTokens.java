package org.kura.server.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of IIIF Authorization Flow 2.0: minted by the token service for the principal the
 * browser already is (a reader's session, an institution's address…), shown by viewers to probe services
 * to learn whether that principal may see a resource. A token is random, lives an hour, and grants
 * nothing by itself: content is still served by cookie or address, through the AccessPolicy.
 */
public final class AuthTokens {
    public static final Duration LIFE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Clock clock;
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

    private record Entry(Principal principal, Instant expires) {
    }

    public AuthTokens(Clock clock) {
        this.clock = clock;
    }

    public String mint(Principal p) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        Instant now = clock.instant();
        tokens.put(token, new Entry(p, now.plus(LIFE)));
        if (tokens.size() > 100_000) {
            tokens.values().removeIf(e -> e.expires().isBefore(now));
        }
        return token;
    }

    /** The principal of a live token from an {@code Authorization: Bearer} header. */
    public Optional<Principal> principal(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() > 200) {
            return Optional.empty();
        }
        Entry e = tokens.get(authorization.substring("Bearer ".length()).strip());
        if (e == null || e.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(e.principal());
    }
}
