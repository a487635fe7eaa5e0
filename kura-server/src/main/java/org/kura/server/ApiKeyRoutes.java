package org.kura.server;

import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kura.catalog.ApiKey;
import org.kura.catalog.CatalogStore;

/**
 * API keys, for staff.
 *
 * <pre>
 * GET    /api/admin/apikeys          admin   names, limits, creation dates (never the keys)
 * POST   /api/admin/apikeys          admin   {"name": "…", "perMinute": 6000} → the new key, shown once
 * DELETE /api/admin/apikeys/{name}   admin   revoke
 * </pre>
 */
public final class ApiKeyRoutes implements RouteGroup {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final CatalogStore store;

    public ApiKeyRoutes(CatalogStore store) {
        this.store = store;
    }

    /** Creates and stores a key; returns the key itself, which is not kept anywhere. */
    public static String create(CatalogStore store, String name, int perMinute) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String key = "kura_" + HexFormat.of().formatHex(random);
        store.saveApiKey(new ApiKey(name, ApiAccess.hash(key), perMinute, Instant.now()));
        return key;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/admin/apikeys", ctx -> ctx.json(store.apiKeys().stream().map(k -> Map.of("name", k.name(),
                "perMinute", k.perMinute(), "created", k.createdAt().toString())).toList()));
        app.post("/api/admin/apikeys", ctx -> {
            Map<?, ?> body;
            try {
                body = ctx.bodyAsClass(Map.class);
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("send a JSON object with name and perMinute");
            }
            Object name = body.get("name");
            Object per = body.containsKey("perMinute") ? body.get("perMinute") : Integer.valueOf(6000);
            if (!(name instanceof String n) || !(per instanceof Number p)) {
                throw ProblemException.badRequest("name (text) and perMinute (number) are required");
            }
            String key = create(store, n, p.intValue());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", n);
            out.put("perMinute", p.intValue());
            out.put("key", key);
            out.put("note", "the key is shown only now; send it as X-API-Key");
            ctx.status(201).json(out);
        });
        app.delete("/api/admin/apikeys/{name}", ctx -> {
            if (!store.removeApiKey(ctx.pathParam("name"))) {
                throw ProblemException.notFound("no API key named " + ctx.pathParam("name"));
            }
            ctx.status(204);
        });
    }
}
