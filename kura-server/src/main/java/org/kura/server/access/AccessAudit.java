package org.kura.server.access;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.kura.catalog.AccessEvent;
import org.kura.catalog.CatalogStore;
import org.kura.model.AccessTier;

/**
 * Writes every grant of a non-public object to the catalog's audit log, once per principal, item and
 * action per minute (a viewer fetching a hundred tiles is one entry, not a hundred).
 */
public final class AccessAudit {
    private final CatalogStore store;
    private final ConcurrentHashMap<String, Long> lastLogged = new ConcurrentHashMap<>();

    public AccessAudit(CatalogStore store) {
        this.store = store;
    }

    public void granted(Principal p, Action action, String itemId, AccessTier tier, String client) {
        if (tier == AccessTier.PUBLIC) {
            return;
        }
        String key = p.kind() + "\u0000" + p.name() + "\u0000" + action + "\u0000" + itemId;
        long now = System.currentTimeMillis();
        Long before = lastLogged.put(key, now);
        if (before != null && now - before < 60_000) {
            return;
        }
        if (lastLogged.size() > 50_000) {
            lastLogged.entrySet().removeIf(e -> now - e.getValue() > 60_000);
        }
        store.audit(List.of(new AccessEvent(Instant.ofEpochMilli(now), p.kind().name(), p.name(), action.name(), itemId,
                tier.name(), client)));
    }
}
