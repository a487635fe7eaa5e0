package org.kura.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP statuses. Clients get RFC 9457 problem+json, never a
 * stack trace; unexpected failures are logged with the request line and answered 500.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {
    }

    /** Paths of the machine APIs: their errors are always problem+json. */
    private static final java.util.List<String> API_PREFIXES = java.util.List.of("/api/", "/oai", "/sru", "/sparql", "/iiif/",
            "/opensearch", "/metrics", "/health", "/datasets", "/id/", "/ns/");

    private static final String PAGE = "kura.errorPage";

    static void install(Javalin app, HtmlErrorPage page) {
        if (page != null) {
            app.before(ctx -> ctx.attribute(PAGE, page));
        }
        app.exception(ProblemException.class, (e, ctx) -> problem(ctx, e.status(), e.title(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(), reason(e.getStatus()), e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, 400, "Bad Request", e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, 500, "Internal Server Error", "the server failed to answer this request; the error is logged");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                problem(ctx, 404, "Not Found", "no resource at " + ctx.path());
            }
        });
        app.error(405, ctx -> problem(ctx, 405, "Method Not Allowed", ctx.method() + " is not allowed on " + ctx.path()));
    }

    static void problem(Context ctx, int status, String title, String detail) {
        HtmlErrorPage page = ctx.attribute(PAGE);
        if (page != null && wantsPage(ctx)) {
            ctx.status(status);
            page.render(ctx, status, detail);
            return;
        }
        ctx.status(status);
        ctx.json(Problem.of(status, title, detail, ctx.path()));
        ctx.contentType(Problem.MEDIA_TYPE);
    }

    private static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        String path = ctx.path();
        return accept != null && accept.contains("text/html") && API_PREFIXES.stream().noneMatch(path::startsWith);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }
}
