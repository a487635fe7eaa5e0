package org.kura.server.access;

import io.javalin.http.Context;
import java.util.List;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.ItemEntry;
import org.kura.model.AccessTier;
import org.kura.server.ApiAccess;
import org.kura.server.ProblemException;

/**
 * The door every endpoint that gives out something of an item goes through: the item's tier from the
 * catalog (read per request, so a change of tier applies at once; an item the catalog does not know
 * is withheld), the {@link AccessPolicy}'s decision for the request's principal, a 401 (anonymous: may
 * be entitled once recognised) or 403 refusal before anything of the item is read, cache headers that
 * keep restricted answers private, and the audit log entry for a grant.
 */
public final class ItemGate {
    private final CatalogStore catalog;
    private final AccessPolicy policy;
    private final PrincipalResolver principals;
    private final AccessAudit audit;
    private final List<String> trustedProxies;
    private final UsageLog usage;

    public ItemGate(CatalogStore catalog, AccessPolicy policy, PrincipalResolver principals, AccessAudit audit,
                    List<String> trustedProxies) {
        this(catalog, policy, principals, audit, trustedProxies, null);
    }

    /** @param usage counts every grant for anonymized usage statistics, or null */
    public ItemGate(CatalogStore catalog, AccessPolicy policy, PrincipalResolver principals, AccessAudit audit,
                    List<String> trustedProxies, UsageLog usage) {
        this.usage = usage;
        this.catalog = catalog;
        this.policy = policy;
        this.principals = principals;
        this.audit = audit;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    public java.util.Optional<ItemEntry> entry(String itemId) {
        return catalog.item(itemId);
    }

    public AccessTier tier(String itemId) {
        return catalog.item(itemId).map(ItemEntry::tier).orElse(AccessTier.WITHHELD);
    }

    public Principal principal(Context ctx) {
        return principals.resolve(ctx);
    }

    public boolean allows(Principal p, AccessTier tier, Action action) {
        return policy.decide(p, tier, action).allowed();
    }

    /** Who is asking, for per-reader limits: the principal's name, else the client's address. */
    public String readerKey(Context ctx, Principal p) {
        return p.name() != null ? p.kind() + ":" + p.name() : "ip:" + ApiAccess.clientAddress(ctx, trustedProxies);
    }

    public String client(Context ctx) {
        return ApiAccess.clientAddress(ctx, trustedProxies);
    }

    /**
     * Refuses (401/403 problem) unless the request may have {@code action} of the item; on a grant, sets cache
     * headers, audits, and counts the use.
     *
     * @return who was let in
     */
    public Principal check(Context ctx, String itemId, AccessTier tier, Action action) {
        Principal p = principals.resolve(ctx);
        AccessPolicy.Decision d = policy.decide(p, tier, action);
        if (!d.allowed()) {
            if (p.kind() == Principal.Kind.ANONYMOUS) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"kura\"");
                throw new ProblemException(401, "Unauthorized", "this item is " + d.reason());
            }
            throw new ProblemException(403, "Forbidden", "this item is " + d.reason());
        }
        ctx.header("Cache-Control", tier == AccessTier.PUBLIC ? "public, max-age=86400" : "private, max-age=300");
        ctx.header("Vary", "Authorization, X-Institution-Key, Cookie");
        audit.granted(p, action, itemId, tier, ApiAccess.clientAddress(ctx, trustedProxies));
        if (usage != null) {
            usage.record(p, action, itemId);
        }
        return p;
    }

    /** Writes a grant the caller decided itself (passages of items in search results) to the audit log. */
    public void granted(Context ctx, Principal p, String itemId, AccessTier tier, Action action) {
        audit.granted(p, action, itemId, tier, ApiAccess.clientAddress(ctx, trustedProxies));
        if (usage != null) {
            usage.record(p, action, itemId);
        }
    }

    public Principal check(Context ctx, String itemId, Action action) {
        return check(ctx, itemId, tier(itemId), action);
    }
}
