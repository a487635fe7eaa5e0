package org.kura.server;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards {@code /api/admin/*}: a request must carry {@code Authorization: Bearer <admin token>}.
 * The comparison is constant-time.
 */
final class AdminAuth {
    private AdminAuth() {
    }

    static void install(Javalin app, String token) {
        byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        app.before("/api/admin/*", ctx -> {
            String header = ctx.header("Authorization");
            byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(expected, given)) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"kura-admin\"");
                throw new ProblemException(401, "Unauthorized", "admin API: send Authorization: Bearer <admin token>");
            }
        });
    }
}
