package org.kura.server.portal;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.kura.search.SearchException;
import org.kura.server.ProblemException;
import org.kura.server.access.ReaderSessions;

/**
 * What every portal page does around its own content: pick the language, set the security and
 * language headers, render a template in the layout, and turn any failure into an error page in the
 * reader's language (never a stack trace).
 */
public final class Pages {
    private final Messages messages = new Messages();
    private final PortalTemplates templates = new PortalTemplates();
    private final ReaderSessions readers;
    private final MapSettings map;
    private final String csp;

    /** Pages on a site where readers do not sign in, whose maps draw only the bundled base map. */
    public Pages() {
        this(null, MapSettings.none());
    }

    /** @param readers the readers' sessions, so that every page's header shows who is signed in (null: nobody can be) */
    public Pages(ReaderSessions readers) {
        this(readers, MapSettings.none());
    }

    /**
     * @param readers the readers' sessions, so that every page's header shows who is signed in (null: nobody can be)
     * @param map     the operator's map tiles, if any (their origin joins the CSP's images)
     */
    public Pages(ReaderSessions readers, MapSettings map) {
        this.readers = readers;
        this.map = map;
        this.csp = "default-src 'self'; img-src 'self' http: https: data:" + (map.tileOrigin() == null ? "" : " " + map.tileOrigin())
                + "; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";
    }

    /** A page's own work, given the request and the page context. */
    @FunctionalInterface
    public interface Handler {
        void handle(Context ctx, PortalPage page) throws Exception;
    }

    public Messages messages() {
        return messages;
    }

    public void serve(Context ctx, Handler handler) throws Exception {
        PortalPage page = context(ctx);
        ctx.header("Content-Language", page.lang().code());
        ctx.header("Vary", "Accept-Language, Cookie");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        if (page.reader() != null) {
            ctx.header("Cache-Control", "private, no-store"); // the header names the reader
        }
        ctx.header("Content-Security-Policy", csp);
        try {
            handler.handle(ctx, page);
        } catch (ProblemException e) {
            error(ctx, page, e.status(), e.getMessage());
        } catch (IllegalArgumentException e) {
            error(ctx, page, 400, e.getMessage());
        } catch (SearchException e) {
            org.slf4j.LoggerFactory.getLogger(Pages.class).error("search failed on {}", ctx.fullUrl(), e);
            error(ctx, page, 503, page.t("error.search"));
        }
    }

    private PortalPage context(Context ctx) {
        Lang lang = Lang.of(ctx);
        String reader = readers == null ? null
                : readers.principal(ctx.cookie(ReaderSessions.COOKIE)).map(org.kura.server.access.Principal::name).orElse(null);
        return new PortalPage(lang, messages, messages.get(lang, "site.name"), ctx.queryParam("q"), otherLanguageUrl(ctx), reader, map);
    }

    /** This URL in the other language: through /lang, which sets the cookie and comes back. */
    private static String otherLanguageUrl(Context ctx) {
        Lang other = Lang.of(ctx).other();
        String back = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        back = back.replaceAll("([?&])lang=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return "/lang/" + other.code() + "?return=" + QueryString.enc(back);
    }

    /** An error of any page (unknown path, bad parameter) as a page: for {@code KuraServer.errorPage}. */
    public void renderError(Context ctx, int status, String detail) {
        error(ctx, context(ctx), status, detail);
    }

    public void error(Context ctx, PortalPage page, int status, String detail) {
        ctx.status(status);
        html(ctx, "error.jte", page.titled(page.t("error.title")), Map.of("status", status,
                "detail", detail == null ? "" : detail));
    }

    public void html(Context ctx, String template, PortalPage page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        ctx.contentType("text/html; charset=utf-8").result(templates.render(template, all));
    }
}
