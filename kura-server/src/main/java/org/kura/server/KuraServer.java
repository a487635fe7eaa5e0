package org.kura.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import java.util.List;
import org.eclipse.jetty.http.UriCompliance;
import org.kura.catalog.RecordJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kura's HTTP server. The whole API is the routing table in {@link #routes}, with the permission
 * each route needs written beside it; protocols are thin translators over the catalog and search.
 */
public final class KuraServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KuraServer.class);

    private final ServerSettings settings;
    private final List<RouteGroup> groups;
    private final PrometheusMeterRegistry metrics;
    private ApiAccess apiAccess;
    private HtmlErrorPage errorPage;
    private Javalin app;

    /**
     * @param groups the route groups to serve (records, providers, harvests, health…), built by the
     *               composition root with their collaborators
     */
    public KuraServer(ServerSettings settings, PrometheusMeterRegistry metrics, List<RouteGroup> groups) {
        this.settings = settings;
        this.metrics = metrics;
        this.groups = List.copyOf(groups);
    }

    /** A registry with JVM metrics bound, for the composition root to share with other parts. */
    public static PrometheusMeterRegistry newMetricsRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        return registry;
    }

    /** Rate limits and API keys for the public routes (none when not set). */
    public KuraServer apiAccess(ApiAccess access) {
        this.apiAccess = access;
        return this;
    }

    /** Errors of pages (not of the APIs) rendered for browsers by the portal. */
    public KuraServer errorPage(HtmlErrorPage page) {
        this.errorPage = page;
        return this;
    }

    public KuraServer start() {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(RecordJson.mapper(), false));
            config.http.defaultContentType = "application/json";
            // Record identifiers are URL-encoded and may contain %2F: let them through to the route.
            config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.LEGACY));
            config.router.ignoreTrailingSlashes = true;
            // ETags from the body of GET answers come from BodyETags, not from Javalin's byte-at-a-time checksum
            config.http.generateEtags = false;
            // Open data: any web page may call the APIs (the admin API needs a bearer token, not cookies)
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.anyHost();
                rule.exposeHeader("ETag");
                rule.exposeHeader("Last-Modified");
                rule.exposeHeader("Link");
                rule.exposeHeader("Retry-After");
                rule.exposeHeader("RateLimit-Limit");
                rule.exposeHeader("RateLimit-Remaining");
            }));
        });
        ErrorMapping.install(app, errorPage);
        AdminAuth.install(app, settings.adminToken());
        if (apiAccess != null) {
            apiAccess.install(app);
        }
        BodyETags.install(app);
        installRequestMetrics();
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        for (RouteGroup g : groups) {
            g.addTo(app);
        }
        app.start(settings.host(), settings.port());
        LOG.info("Kura server listening on http://{}:{}", settings.host(), port());
        return this;
    }

    private void installRequestMetrics() {
        app.before(ctx -> ctx.attribute("kura.start", System.nanoTime()));
        app.after(ctx -> {
            Long start = ctx.attribute("kura.start");
            if (start != null) {
                String route = ctx.endpointHandlerPath();
                Timer.builder("kura_http_requests")
                        .tag("method", ctx.method().name())
                        .tag("route", route == null || route.isEmpty() ? "unmatched" : route)
                        .tag("status", Integer.toString(ctx.statusCode()))
                        .register(metrics)
                        .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        });
    }

    /** Every route served, as {@code "GET /api/records/{id}"} (path parameters in OpenAPI's braces). */
    public List<String> routes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(e -> e.getEndpoint().getMethod().name() + " " + e.getEndpoint().getPath().replace('<', '{').replace('>', '}'))
                .sorted().distinct().toList();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
