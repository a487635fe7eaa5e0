package org.kura.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI 3.1 description of Kura's HTTP API, written by hand next to the routes and checked
 * against the routing table by a test (every route documented, nothing documented that is not served).
 *
 * <pre>
 * GET /api/openapi.json   public
 * </pre>
 */
public final class OpenApiRoutes implements RouteGroup {
    private final String document;

    public OpenApiRoutes(String baseUrl) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json missing from the kura-server jar");
            }
            this.document = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${baseUrl}", baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }
}
