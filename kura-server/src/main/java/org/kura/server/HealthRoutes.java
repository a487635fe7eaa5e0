package org.kura.server;

import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * <pre>
 * GET /health    public   200 {"status":"UP", components…} or 503 when a component is down
 * </pre>
 */
public final class HealthRoutes implements RouteGroup {
    private final Map<String, Supplier<Boolean>> checks;

    /** @param checks named component checks (catalog, search…), each true when healthy */
    public HealthRoutes(Map<String, Supplier<Boolean>> checks) {
        this.checks = Map.copyOf(checks);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/health", ctx -> {
            Map<String, String> components = new LinkedHashMap<>();
            boolean up = true;
            for (Map.Entry<String, Supplier<Boolean>> c : new java.util.TreeMap<>(checks).entrySet()) {
                boolean ok;
                try {
                    ok = c.getValue().get();
                } catch (RuntimeException e) {
                    ok = false;
                }
                components.put(c.getKey(), ok ? "UP" : "DOWN");
                up &= ok;
            }
            ctx.status(up ? 200 : 503).json(Map.of("status", up ? "UP" : "DOWN", "components", components));
        });
    }
}
