package org.kura.server.lod;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import org.kura.lod.SparqlStore;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * The SPARQL 1.1 Protocol endpoint (read-only) over the SPARQL store.
 *
 * <pre>
 * GET  /sparql?query=…                               public
 * POST /sparql  (application/sparql-query, or form query=…)   public
 * </pre>
 * Results follow {@code Accept}: SPARQL JSON (default), XML, CSV, TSV; Turtle, RDF/XML, N-Triples or
 * JSON-LD for CONSTRUCT/DESCRIBE. A malformed query (or an update) is 400 with the parser's message;
 * a query past the time limit is stopped and answered 503; results are capped.
 */
public final class SparqlRoutes implements RouteGroup {
    private static final int MAX_QUERY = 64 * 1024;
    private final SparqlStore store;

    public SparqlRoutes(SparqlStore store) {
        this.store = store;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/sparql", ctx -> run(ctx, ctx.queryParam("query")));
        app.post("/sparql", ctx -> {
            String type = ctx.contentType() == null ? "" : ctx.contentType();
            String q;
            if (type.startsWith("application/sparql-query")) {
                q = ctx.body();
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                q = ctx.formParam("query");
                if (q == null && ctx.formParam("update") != null) {
                    throw ProblemException.badRequest("this endpoint is read-only: updates are not accepted");
                }
            } else if (type.startsWith("application/sparql-update")) {
                throw ProblemException.badRequest("this endpoint is read-only: updates are not accepted");
            } else {
                throw new ProblemException(415, "Unsupported Media Type",
                        "send application/sparql-query or a form with query=");
            }
            run(ctx, q);
        });
    }

    private void run(Context ctx, String query) {
        if (query == null || query.isBlank()) {
            throw ProblemException.badRequest("give a SPARQL query as query=");
        }
        if (query.length() > MAX_QUERY) {
            throw ProblemException.badRequest("query longer than " + MAX_QUERY + " characters");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String type;
        try {
            type = store.query(query, ctx.header("Accept"), out);
        } catch (SparqlStore.SyntaxException e) {
            throw ProblemException.badRequest("malformed query: " + e.getMessage());
        } catch (SparqlStore.TimeoutException e) {
            throw new ProblemException(503, "Service Unavailable", e.getMessage());
        }
        ctx.contentType(type + "; charset=utf-8");
        ctx.result(out.toByteArray());
    }
}
