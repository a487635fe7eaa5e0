package org.kura.server.portal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.catalog.Passwords;
import org.kura.server.ApiAccess;
import org.kura.catalog.Reader;
import org.kura.model.AccessTier;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;
import org.kura.server.access.AccessPolicy;
import org.kura.server.access.Action;
import org.kura.server.access.Principal;
import org.kura.server.access.ReaderSessions;
import org.kura.server.staff.FieldProblem;
import org.kura.server.staff.Registrations;

/**
 * The signed-in reader's own page:
 * <pre>
 * GET  /account            name, country, print-disabled status, and what that entitles to (asked of the AccessPolicy)
 * POST /account/password   current password and the new one twice (CSRF token of the reader's session); wrong current
 *                          passwords count toward the sign-in lockout
 * </pre>
 * Without a session, {@code GET /account} goes to {@code /login?return=/account}.
 */
public final class AccountRoutes implements RouteGroup {
    /** The tiers and actions the account page tells about, in order. */
    static final List<AccessTier> TIERS = List.of(AccessTier.PUBLIC, AccessTier.LIBRARY, AccessTier.ONSITE);
    static final List<Action> ACTIONS = List.of(Action.VIEW, Action.DOWNLOAD, Action.FULLTEXT);

    private final Pages pages;
    private final ReaderSessions sessions;
    private final Registrations registry;
    private final AccessPolicy policy;
    private final List<String> trustedProxies;

    public AccountRoutes(Pages pages, ReaderSessions sessions, Registrations registry, AccessPolicy policy, List<String> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.pages = pages;
        this.sessions = sessions;
        this.registry = registry;
        this.policy = policy;
    }

    /** One tier's line of the account page: for each of {@link #ACTIONS}, whether the reader may. */
    public record Entitlement(AccessTier tier, List<Boolean> allowed) {
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/account", ctx -> pages.serve(ctx, (c, page) -> {
            Reader r = signedIn(c);
            if (r == null) {
                c.redirect("/login?return=/account", HttpStatus.SEE_OTHER);
                return;
            }
            show(c, page, r, List.of(), c.queryParam("changed") != null);
        }));
        app.post("/account/password", ctx -> pages.serve(ctx, this::changePassword));
    }

    private void show(Context ctx, PortalPage page, Reader r, List<FieldProblem> problems, boolean changed) {
        ctx.header("Cache-Control", "private, no-store");
        Principal p = new Principal(Principal.Kind.USER, r.name(), r.printDisabled());
        List<Entitlement> rows = new ArrayList<>();
        for (AccessTier tier : TIERS) {
            rows.add(new Entitlement(tier, ACTIONS.stream().map(a -> policy.decide(p, tier, a).allowed()).toList()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reader", r);
        params.put("csrf", sessions.csrf(ctx.cookie(ReaderSessions.COOKIE)).orElse(""));
        params.put("entitlements", rows);
        params.put("actions", ACTIONS);
        params.put("errors", FieldErrors.of(problems, page));
        params.put("changed", changed);
        pages.html(ctx, "account.jte", page.titled(page.t("account.title")), params);
    }

    private void changePassword(Context ctx, PortalPage page) {
        Reader r = signedIn(ctx);
        if (r == null) {
            throw new ProblemException(401, "Unauthorized", page.t("account.signInFirst"));
        }
        String csrf = sessions.csrf(ctx.cookie(ReaderSessions.COOKIE)).orElse("");
        if (!MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), String.valueOf(ctx.formParam("csrf")).getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, "Forbidden", page.t("admin.csrf"));
        }
        String current = ctx.formParam("current");
        String fresh = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        List<FieldProblem> problems = new ArrayList<>();
        ReaderSessions.Refusal refused = sessions.verify(r.name(), current, ApiAccess.clientAddress(ctx, trustedProxies));
        if (refused != null) {
            problems.add(new FieldProblem("current", refused == ReaderSessions.Refusal.LOCKED ? "login.locked" : "account.error.current", null));
        }
        try {
            Passwords.check(fresh);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("password", "staff.error.password", null));
        }
        if (!fresh.equals(ctx.formParam("password2"))) {
            problems.add(new FieldProblem("password2", "account.error.mismatch", null));
        }
        if (!problems.isEmpty()) {
            ctx.status(400);
            show(ctx, page, r, problems, false);
            return;
        }
        registry.changeOwnPassword(r, fresh);
        ctx.redirect("/account?changed=1", HttpStatus.SEE_OTHER);
    }

    /** The account of the reader whose session the request carries, or null. */
    private Reader signedIn(Context ctx) {
        return sessions.principal(ctx.cookie(ReaderSessions.COOKIE)).flatMap(p -> registry.reader(p.name())).orElse(null);
    }
}
