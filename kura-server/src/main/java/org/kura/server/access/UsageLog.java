package org.kura.server.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.UsageCount;

/**
 * Usage events for anonymized statistics: every grant of an item counted by day (UTC), item, action and
 * kind of principal — never who or from where. Counted in memory and added to the catalog by
 * {@link #flush} (the server flushes every minute and when it stops). Images and thumbnails are not
 * counted (a viewer asks for dozens of tiles to show one page; the manifest is the view).
 */
public final class UsageLog {
    static final Set<Action> COUNTED = EnumSet.of(Action.MANIFEST, Action.DOWNLOAD, Action.FULLTEXT, Action.SNIPPET);
    private final CatalogStore store;
    private final Clock clock;
    private final Map<Key, LongAdder> counts = new ConcurrentHashMap<>();

    private record Key(LocalDate day, String itemId, Action action, Principal.Kind kind) {
    }

    public UsageLog(CatalogStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void record(Principal p, Action action, String itemId) {
        if (!COUNTED.contains(action)) {
            return;
        }
        counts.computeIfAbsent(new Key(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), itemId, action, p.kind()),
                k -> new LongAdder()).increment();
    }

    /** Adds what was counted since the last flush to the catalog; returns the number of counters written. */
    public synchronized int flush() {
        List<UsageCount> out = new ArrayList<>();
        for (Key k : List.copyOf(counts.keySet())) {
            LongAdder a = counts.remove(k);
            long n = a == null ? 0 : a.sumThenReset();
            if (n > 0) {
                out.add(new UsageCount(k.day(), k.itemId(), k.action().name(), k.kind().name(), n));
            }
        }
        store.addUsage(out);
        return out.size();
    }
}
