package org.kura.server;

import io.javalin.Javalin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Stable Linked Data URIs, dereferenced the Cool-URIs way: {@code /id/record/{provider}/{id}} answers
 * 303 See Other to the record's description, keeping the client's {@code Accept} so that RDF clients
 * get RDF and browsers get the record; {@code /id/provider/{id}} likewise.
 *
 * <pre>
 * GET /id/record/{provider}/{id}   public   303 → /api/records/{id}?provider={provider}
 * GET /id/provider/{id}            public   303 → /api/providers/{id}
 * </pre>
 */
public final class LinkedDataRoutes implements RouteGroup {
    @Override
    public void addTo(Javalin app) {
        app.get("/id/record/{provider}/<id>", ctx -> {
            String provider = ctx.pathParam("provider");
            if (!org.kura.model.Provider.ID.matcher(provider).matches()) {
                throw ProblemException.notFound("no provider " + provider);
            }
            ctx.header("Vary", "Accept");
            ctx.redirect("/api/records/" + RecordRoutes.encode(ctx.pathParam("id")) + "?provider=" + provider,
                    io.javalin.http.HttpStatus.SEE_OTHER);
        });
        app.get("/id/provider/{id}", ctx -> ctx.redirect("/api/providers/" + URLEncoder.encode(ctx.pathParam("id"),
                StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER));
    }
}
