package org.kura.fulltext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the passages of items a reader may not read down to a location-search answer and remembers,
 * per reader, what was given: at most {@link SnippetLimits#snippetsPerItem} passages of at most
 * {@link SnippetLimits#snippetChars} characters per item and query, passages at all for at most
 * {@link SnippetLimits#queriesPerHour} queries an hour, and at most
 * {@link SnippetLimits#charsPerItemPerDay} distinct characters of an item a day (a passage shown again
 * costs nothing; a new one that would pass the limit is not shown). Readers are told when a limit
 * held something back. State is in memory, bounded, and per process.
 */
public final class SnippetGuard {
    private static final int MAX_READERS = 50_000;
    private static final int MAX_ITEMS_PER_READER = 2_000;

    private final SnippetLimits limits;
    private final Clock clock;
    private final Map<String, Reader> readers = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reader> eldest) {
            return size() > MAX_READERS;
        }
    };

    /** A short passage of a page, its hit marked with {@link PageTextIndex#HIT_START}/{@link PageTextIndex#HIT_END}. */
    public record Snippet(int page, String text) {
    }

    /** What a location search may show of one item: its matching pages, a few passages, and why not more. */
    public record Answer(List<Snippet> snippets, String heldBack) {
    }

    /** A hit as the guard needs it: the page, its whole text, and the spans of the hits in it. */
    public record PageWithHits(int page, String text, List<int[]> spans) {
    }

    private static final class Reader {
        final Deque<Instant> queries = new ArrayDeque<>();
        final Map<String, Coverage> items = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Coverage> eldest) {
                return size() > MAX_ITEMS_PER_READER;
            }
        };
    }

    /** Character ranges of an item shown to a reader since {@code since}, per page. */
    private static final class Coverage {
        Instant since;
        final Map<Integer, List<int[]>> pages = new LinkedHashMap<>();

        int total() {
            return pages.values().stream().mapToInt(Coverage::length).sum();
        }

        static int length(List<int[]> ranges) {
            return ranges.stream().mapToInt(r -> r[1] - r[0]).sum();
        }

        /** Characters of [a, b) not yet shown on this page. */
        int added(int page, int a, int b) {
            List<int[]> merged = merge(pages.getOrDefault(page, List.of()), a, b);
            return length(merged) - length(pages.getOrDefault(page, List.of()));
        }

        void add(int page, int a, int b) {
            pages.put(page, merge(pages.getOrDefault(page, List.of()), a, b));
        }

        private static List<int[]> merge(List<int[]> ranges, int a, int b) {
            List<int[]> out = new ArrayList<>();
            int s = a;
            int e = b;
            for (int[] r : ranges) {
                if (r[1] < s || r[0] > e) {
                    out.add(r);
                } else {
                    s = Math.min(s, r[0]);
                    e = Math.max(e, r[1]);
                }
            }
            out.add(new int[] {s, e});
            out.sort((x, y) -> Integer.compare(x[0], y[0]));
            return out;
        }
    }

    public SnippetGuard(SnippetLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public SnippetLimits limits() {
        return limits;
    }

    /**
     * Counts one query of {@code reader} that reaches restricted items; false when the hourly limit is
     * used up (the query still gets locations, without passages).
     */
    public synchronized boolean admitQuery(String reader) {
        Reader r = readers.computeIfAbsent(reader, k -> new Reader());
        Instant now = clock.instant();
        while (!r.queries.isEmpty() && r.queries.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
            r.queries.removeFirst();
        }
        if (r.queries.size() >= limits.queriesPerHour()) {
            return false;
        }
        r.queries.addLast(now);
        return true;
    }

    /** The passages {@code reader} may see of a restricted item's matching pages, recorded as seen. */
    public synchronized Answer restricted(String reader, String itemId, List<PageWithHits> pages) {
        Reader r = readers.computeIfAbsent(reader, k -> new Reader());
        Instant now = clock.instant();
        Coverage c = r.items.get(itemId);
        if (c == null || c.since.isBefore(now.minus(Duration.ofDays(1)))) {
            c = new Coverage();
            c.since = now;
            r.items.put(itemId, c);
        }
        List<Snippet> out = new ArrayList<>();
        String heldBack = null;
        for (PageWithHits p : pages) {
            for (int[] hit : p.spans()) {
                if (out.size() >= limits.snippetsPerItem()) {
                    return new Answer(out, heldBack);
                }
                int[] window = window(p.text().length(), hit[0], hit[1], limits.snippetChars());
                if (c.total() + c.added(p.page(), window[0], window[1]) > limits.charsPerItemPerDay()) {
                    heldBack = "passage limit for this item reached";
                    continue;
                }
                c.add(p.page(), window[0], window[1]);
                out.add(new Snippet(p.page(), mark(p.text(), window, hit)));
            }
        }
        return new Answer(out, heldBack);
    }

    /** A window of at most {@code max} characters around the hit [a, b), within [0, length). */
    static int[] window(int length, int a, int b, int max) {
        if (b - a >= max) {
            return new int[] {a, a + max};
        }
        int spare = max - (b - a);
        int start = Math.max(0, a - spare / 2);
        int end = Math.min(length, start + max);
        start = Math.max(0, end - max);
        return new int[] {start, end};
    }

    private static String mark(String text, int[] window, int[] hit) {
        int hs = Math.max(hit[0], window[0]);
        int he = Math.min(hit[1], window[1]);
        return text.substring(window[0], hs) + PageTextIndex.HIT_START + text.substring(hs, he) + PageTextIndex.HIT_END
                + text.substring(he, window[1]);
    }
}
