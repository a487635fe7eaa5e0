package org.kura.server.fulltext;

import java.util.EnumSet;
import java.util.Set;
import org.kura.fulltext.FullTextSearch;
import org.kura.model.AccessTier;
import org.kura.server.access.Action;
import org.kura.server.access.ItemGate;
import org.kura.server.access.Principal;

/**
 * What a principal may have of items' text in search results, from the AccessPolicy: whole passages
 * with FULLTEXT, a location answer with SNIPPET, nothing otherwise. Tiers come from the catalog at
 * the time of the search, not from the index.
 */
public final class TextEntitlement implements FullTextSearch.Entitlement {
    private final ItemGate gate;
    private final Principal principal;
    private final java.util.Map<String, AccessTier> tiers = new java.util.HashMap<>();

    public TextEntitlement(ItemGate gate, Principal principal) {
        this.gate = gate;
        this.principal = principal;
    }

    @Override
    public Set<AccessTier> locatable() {
        Set<AccessTier> out = EnumSet.noneOf(AccessTier.class);
        for (AccessTier t : AccessTier.values()) {
            if (gate.allows(principal, t, Action.SNIPPET) || gate.allows(principal, t, Action.FULLTEXT)) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    public FullTextSearch.Access of(String itemId) {
        AccessTier tier = tier(itemId);
        if (gate.allows(principal, tier, Action.FULLTEXT)) {
            return FullTextSearch.Access.FULL;
        }
        return gate.allows(principal, tier, Action.SNIPPET) ? FullTextSearch.Access.LOCATION : FullTextSearch.Access.NONE;
    }

    /** The item's tier as this search read it from the catalog (once per item and search). */
    public AccessTier tier(String itemId) {
        return tiers.computeIfAbsent(itemId, gate::tier);
    }

    public Principal principal() {
        return principal;
    }
}
