package org.kura.server.portal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff sessions of the admin pages: a random session id in an HttpOnly, SameSite=Strict cookie and a
 * random CSRF token that every form posts back. Kept in memory: a restart logs staff out.
 */
public final class AdminSessions {
    public static final String COOKIE = "kura_admin";
    private static final Duration TTL = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String csrf, Instant expires) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final byte[] adminToken;

    public AdminSessions(String adminToken) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /** A new session id when {@code token} is the admin token (compared in constant time), else empty. */
    public Optional<String> login(String token) {
        if (token == null || !MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String id = random();
        sessions.put(id, new Session(random(), Instant.now().plus(TTL)));
        return Optional.of(id);
    }

    /** The CSRF token of a live session, or empty when the id is unknown or expired. */
    public Optional<String> csrf(String sessionId) {
        if (sessionId == null) {
            return Optional.empty();
        }
        Session s = sessions.get(sessionId);
        if (s == null) {
            return Optional.empty();
        }
        if (s.expires().isBefore(Instant.now())) {
            sessions.remove(sessionId);
            return Optional.empty();
        }
        return Optional.of(s.csrf());
    }

    /**
     * A page only for a logged-in session: a GET without one goes to the login, anything else is 401; every
     * POST must carry the session's CSRF token (field {@code csrf}) or is 403. The token is handed to the page
     * as the request attribute {@code csrf}; answers are never cached.
     */
    public Pages.Handler staffOnly(Pages.Handler handler) {
        return (ctx, page) -> {
            String csrf = csrf(ctx.cookie(COOKIE)).orElse(null);
            if (csrf == null) {
                if ("GET".equals(ctx.method().name())) {
                    ctx.redirect("/admin/login", io.javalin.http.HttpStatus.SEE_OTHER);
                    return;
                }
                throw new org.kura.server.ProblemException(401, "Unauthorized", page.t("admin.loginFirst"));
            }
            if ("POST".equals(ctx.method().name()) && !MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    String.valueOf(ctx.formParam("csrf")).getBytes(StandardCharsets.UTF_8))) {
                throw new org.kura.server.ProblemException(403, "Forbidden", page.t("admin.csrf"));
            }
            ctx.attribute("csrf", csrf);
            ctx.header("Cache-Control", "no-store");
            handler.handle(ctx, page);
        };
    }

    public void logout(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
