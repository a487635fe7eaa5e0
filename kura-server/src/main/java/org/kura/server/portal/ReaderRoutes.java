package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.LinkedHashMap;
import java.util.Map;
import org.kura.server.ApiAccess;
import org.kura.server.RouteGroup;
import org.kura.server.access.ReaderSessions;

/**
 * Sign-in of registered readers (accounts made with {@code kura user add}):
 * <pre>
 * GET  /login?return=PATH   the form
 * POST /login               name, password, return → a session cookie (HttpOnly, SameSite=Lax), back to PATH
 * GET  /login/done          after a sign-in a viewer opened (?iiif=1, the IIIF Auth 2.0 access service): closes itself
 * POST /logout, GET /logout ends the session (GET: the IIIF Auth 2.0 logout service)
 * </pre>
 * A wrong name or password gets the same answer (401); five failures in 15 minutes lock the name and
 * the address for a while (429). A sign-in posted from another site (Origin) is refused. Only paths of
 * this site are followed after a sign-in.
 */
public final class ReaderRoutes implements RouteGroup {
    private final Pages pages;
    private final ReaderSessions sessions;
    private final java.util.List<String> trustedProxies;

    public ReaderRoutes(Pages pages, ReaderSessions sessions, java.util.List<String> trustedProxies) {
        this.pages = pages;
        this.sessions = sessions;
        this.trustedProxies = java.util.List.copyOf(trustedProxies);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/login", ctx -> pages.serve(ctx, (c, page) -> form(c, page, null)));
        app.post("/login", ctx -> pages.serve(ctx, this::login));
        // after a sign-in opened by a viewer (IIIF Auth 2.0 access service, ?iiif=1): a page that closes itself
        app.get("/login/done", ctx -> pages.serve(ctx, (c, page) -> pages.html(c, "logindone.jte", page.titled(page.t("login.done")), Map.of())));
        // POST from the sign-out button; GET is the IIIF Auth 2.0 logout service a viewer opens in a window
        app.post("/logout", this::logout);
        app.get("/logout", this::logout);
    }

    private void logout(Context ctx) {
        sessions.logout(ctx.cookie(ReaderSessions.COOKIE));
        ctx.removeCookie(ReaderSessions.COOKIE, "/");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    /** A path of this site to go back to, or {@code /}. */
    static String returnPath(String r) {
        if (r == null || !r.startsWith("/") || r.startsWith("//") || r.startsWith("/\\") || r.length() > 2000
                || r.chars().anyMatch(ch -> ch < 0x20 || ch == '\\')) {
            return "/";
        }
        return r;
    }

    private void form(Context ctx, PortalPage page, String error) {
        ctx.header("Cache-Control", "no-store");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("error", error);
        String r = ctx.formParam("return") != null ? ctx.formParam("return") : ctx.queryParam("return");
        params.put("returnTo", returnPath(r));
        params.put("iiif", "1".equals(ctx.formParam("iiif")) || "1".equals(ctx.queryParam("iiif")));
        pages.html(ctx, "login.jte", page.titled(page.t("login.title")), params);
    }

    private void login(Context ctx, PortalPage page) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameSite(origin, ctx)) {
            ctx.status(403);
            form(ctx, page, page.t("login.otherSite"));
            return;
        }
        ReaderSessions.Outcome out = sessions.login(ctx.formParam("name"), ctx.formParam("password"),
                ApiAccess.clientAddress(ctx, trustedProxies));
        if (out.session() == null) {
            ctx.status(out.refusal() == ReaderSessions.Refusal.LOCKED ? 429 : 401);
            form(ctx, page, page.t(out.refusal() == ReaderSessions.Refusal.LOCKED ? "login.locked" : "login.wrong"));
            return;
        }
        Cookie cookie = new Cookie(ReaderSessions.COOKIE, out.session());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX); // links from elsewhere into a book keep the reader signed in; no state changes on GET
        cookie.setSecure("https".equals(ctx.scheme()));
        ctx.cookie(cookie);
        ctx.redirect("1".equals(ctx.formParam("iiif")) ? "/login/done" : returnPath(ctx.formParam("return")), HttpStatus.SEE_OTHER);
    }

    private static boolean sameSite(String origin, Context ctx) {
        String host = ctx.host();
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
