package org.kura.server.iiif;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.model.AccessTier;
import org.kura.server.ApiJson;
import org.kura.server.Html;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.access.Action;
import org.kura.server.access.AuthTokens;
import org.kura.server.access.ItemGate;
import org.kura.server.access.Principal;

/**
 * IIIF Authorization Flow 2.0 for tiered items:
 * <pre>
 * GET /iiif/3/{item}/probe           the probe service of an item's images: AuthProbeResult2 with status 200 when the
 *                                    token's (or the request's) principal may view them, else 401/403 with a heading
 * GET /iiif/auth/token?messageId=&origin=   the access token service: a page for an iframe that posts
 *                                    AuthAccessToken2 (or AuthAccessTokenError2) to the viewer's origin
 * GET /login?iiif=1                  the access service (profile active): the readers' sign-in, closing its window after
 * GET /logout                        the logout service (ReaderRoutes: ends the reader's session)
 * </pre>
 * {@link #services} is what manifests and info.json announce on each image of a non-public item.
 */
public final class IiifAuthRoutes implements RouteGroup {
    public static final String CONTEXT = "http://iiif.io/api/auth/2/context.json";
    private final ItemGate gate;
    private final AuthTokens tokens;
    private final String base;

    public IiifAuthRoutes(ItemGate gate, AuthTokens tokens, String baseUrl) {
        this.gate = gate;
        this.tokens = tokens;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The probe service (with its access, token and logout services) for an item's images. */
    public static List<Map<String, Object>> services(String base, String itemId) {
        Map<String, Object> token = Map.of("id", base + "/iiif/auth/token", "type", "AuthAccessTokenService2");
        Map<String, Object> logout = Map.of("id", base + "/logout", "type", "AuthLogoutService2",
                "label", Map.of("ja", List.of("ログアウト"), "en", List.of("Sign out")));
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("id", base + "/login?iiif=1");
        access.put("type", "AuthAccessService2");
        access.put("profile", "active");
        access.put("label", Map.of("ja", List.of("登録利用者ログイン"), "en", List.of("Sign in as a registered reader")));
        access.put("heading", Map.of("ja", List.of("この資料は図書館・登録利用者向けです"), "en", List.of("This item is for libraries and registered readers")));
        access.put("note", Map.of("ja", List.of("登録利用者はログインすると閲覧できます。"), "en", List.of("Registered readers can view it after signing in.")));
        access.put("confirmLabel", Map.of("ja", List.of("ログイン"), "en", List.of("Sign in")));
        access.put("service", List.of(token, logout));
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("id", base + "/iiif/3/" + itemId + "/probe");
        probe.put("type", "AuthProbeService2");
        probe.put("service", List.of(access));
        return List.of(probe);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/iiif/3/{item}/probe", this::probe);
        app.get("/iiif/auth/token", this::token);
    }

    private void probe(Context ctx) {
        String item = ctx.pathParam("item");
        if (!org.kura.repository.Item.isValidId(item)) {
            throw ProblemException.notFound("no item " + item);
        }
        Principal p = tokens.principal(ctx.header("Authorization")).orElseGet(() -> gate.principal(ctx));
        AccessTier tier = gate.tier(item);
        boolean allowed = gate.allows(p, tier, Action.VIEW);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@context", CONTEXT);
        out.put("id", base + "/iiif/3/" + item + "/probe");
        out.put("type", "AuthProbeResult2");
        out.put("status", allowed ? 200 : p.kind() == Principal.Kind.ANONYMOUS ? 401 : 403);
        if (!allowed) {
            out.put("heading", Map.of("ja", List.of(tier == AccessTier.WITHHELD ? "この資料は公開していません" : "この資料は閲覧が限られています"),
                    "en", List.of(tier == AccessTier.WITHHELD ? "This item is not available" : "This item's viewing is restricted")));
            out.put("note", Map.of("ja", List.of(tier == AccessTier.ONSITE ? "所蔵館の館内端末でのみ閲覧できます。" : "登録利用者・図書館で閲覧できます。"),
                    "en", List.of(tier == AccessTier.ONSITE ? "It can be viewed on the holding library's terminals only."
                            : "Registered readers and libraries can view it.")));
        }
        // the probe answers for every principal; its body differs by principal, so it is never shared
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Allow-Headers", "Authorization");
        ApiJson.send(ctx, "application/json", out);
    }

    private void token(Context ctx) {
        String messageId = ctx.queryParam("messageId");
        String origin = ctx.queryParam("origin");
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("@context", CONTEXT);
        if (messageId == null || origin == null || !origin.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?")) {
            message.put("type", "AuthAccessTokenError2");
            message.put("profile", "invalidRequest");
            message.put("heading", Map.of("en", List.of("messageId and a valid origin are required")));
        } else {
            Principal p = gate.principal(ctx);
            if (p.kind() == Principal.Kind.ANONYMOUS) {
                message.put("type", "AuthAccessTokenError2");
                message.put("profile", "missingAspect");
                message.put("heading", Map.of("ja", List.of("ログインしていません"), "en", List.of("You are not signed in")));
            } else {
                message.put("type", "AuthAccessToken2");
                message.put("accessToken", tokens.mint(p));
                message.put("expiresIn", AuthTokens.LIFE.toSeconds());
            }
        }
        message.put("messageId", messageId == null ? "" : messageId);
        String json = ApiJson.write(message);
        ctx.header("Cache-Control", "no-store");
        // framed by viewers of any origin; the token goes to the origin they named only (postMessage's target)
        ctx.header("Content-Security-Policy", "default-src 'none'; script-src 'self'");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>token</title></head><body>"
                + "<script src=\"/assets/iiif-auth.js\" data-origin=\"" + Html.escape(origin == null ? "" : origin) + "\" data-message=\""
                + Html.escape(json) + "\"></script></body></html>");
    }

}
