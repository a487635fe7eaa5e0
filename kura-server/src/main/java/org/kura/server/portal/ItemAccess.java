package org.kura.server.portal;

import io.javalin.http.Context;
import org.kura.model.AccessTier;
import org.kura.server.access.AccessPolicy;
import org.kura.server.access.Action;
import org.kura.server.access.PrincipalResolver;

/**
 * What a page may say about a digitized item to the person asking: the same {@link AccessPolicy} the
 * IIIF routes ask. Title and page count are what the manifest tells, so they show only to whom the
 * manifest would be served.
 */
public final class ItemAccess {
    private final AccessPolicy policy;
    private final PrincipalResolver principals;

    public ItemAccess(AccessPolicy policy, PrincipalResolver principals) {
        this.policy = policy;
        this.principals = principals;
    }

    public boolean mayOpen(Context ctx, AccessTier tier) {
        return policy.decide(principals.resolve(ctx), tier, Action.MANIFEST).allowed();
    }
}
