package org.kura.fulltext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.kura.model.AccessTier;

/**
 * Full-text search across items with passages that respect each item's tier: items the reader may
 * read show passages around every hit; items the reader may only locate (art. 47-5) show the record,
 * the matching pages and a few short passages within the {@link SnippetGuard}'s limits; items the
 * reader may not even locate are left out. Who may do what is the caller's {@link Entitlement}, which
 * asks the AccessPolicy with the item's current tier.
 */
public final class FullTextSearch {
    /** Characters around the hits of a passage of an item the reader may read. */
    static final int PASSAGE_CHARS = 120;
    static final int PASSAGES_PER_PAGE = 3;

    private final PageTextIndex index;
    private final SnippetGuard guard;

    /** What a reader may have of an item's text in search results. */
    public enum Access { FULL, LOCATION, NONE }

    /** Decides per item; the caller knows the reader and the catalog's current tiers. */
    public interface Entitlement {
        /** Tiers whose items the reader may at least locate (a filter for the index). */
        Set<AccessTier> locatable();

        Access of(String itemId);
    }

    /** A passage of a page with its hits marked ({@link PageTextIndex#HIT_START}, {@link PageTextIndex#HIT_END}). */
    public record Passage(int page, String label, String text) {
    }

    /** A matching page: number and label. */
    public record PageRef(int page, String label) {
    }

    /** One item in the results. */
    public record ItemResult(String itemId, String recordId, String provider, String title, Access access, long pagesMatched,
                             List<PageRef> pages, List<Passage> passages, String heldBack) {
    }

    public record Result(long items, long pages, List<ItemResult> results) {
    }

    public FullTextSearch(PageTextIndex index, SnippetGuard guard) {
        this.index = index;
        this.guard = guard;
    }

    public SnippetLimits limits() {
        return guard.limits();
    }

    /**
     * @param reader who asks, for the snippet limits (a user or institution id, else the client address)
     * @param recordIds only items of these records ({@code provider:identifier}; null: all)
     */
    public Result search(String query, String provider, Collection<String> recordIds, int page, int size, String reader,
                         Entitlement entitlement) {
        PageTextIndex.Hits hits = index.search(new PageTextIndex.TextQuery(query, entitlement.locatable(), provider, recordIds, page,
                size, 3));
        List<ItemResult> out = new ArrayList<>();
        Boolean admitted = null;
        for (PageTextIndex.ItemHit h : hits.hits()) {
            Access access = entitlement.of(h.itemId());
            if (access == Access.NONE) {
                continue;
            }
            List<PageRef> pages = h.pages().stream().map(p -> new PageRef(p.page(), p.label())).toList();
            List<Passage> passages = new ArrayList<>();
            String heldBack = null;
            if (access == Access.FULL) {
                for (PageTextIndex.PageHit p : h.pages()) {
                    passages.addAll(passages(p));
                }
            } else {
                if (admitted == null) {
                    admitted = guard.admitQuery(reader);
                }
                if (admitted) {
                    SnippetGuard.Answer a = guard.restricted(reader, h.itemId(), h.pages().stream().filter(p -> p.text() != null)
                            .map(p -> new SnippetGuard.PageWithHits(p.page(), p.text(), p.spans())).toList());
                    a.snippets().forEach(s -> passages.add(new Passage(s.page(), label(h, s.page()), s.text())));
                    heldBack = a.heldBack();
                } else {
                    heldBack = "hourly limit of passages reached: pages are shown without text";
                }
            }
            out.add(new ItemResult(h.itemId(), h.recordId(), h.provider(), h.title(), access, h.pagesMatched(), pages, passages,
                    heldBack));
        }
        return new Result(hits.items(), hits.pages(), out);
    }

    private static String label(PageTextIndex.ItemHit h, int page) {
        for (PageTextIndex.PageHit p : h.pages()) {
            if (p.page() == page) {
                return p.label();
            }
        }
        return null;
    }

    /** Passages around the hits of a page, overlapping windows merged, at most three. */
    static List<Passage> passages(PageTextIndex.PageHit p) {
        List<Passage> out = new ArrayList<>();
        if (p.text() == null) {
            return out;
        }
        List<int[]> windows = new ArrayList<>();
        for (int[] hit : p.spans()) {
            int[] w = SnippetGuard.window(p.text().length(), hit[0], hit[1], PASSAGE_CHARS);
            if (!windows.isEmpty() && windows.get(windows.size() - 1)[1] >= w[0]) {
                windows.get(windows.size() - 1)[1] = Math.max(windows.get(windows.size() - 1)[1], w[1]);
            } else {
                windows.add(w);
            }
        }
        for (int[] w : windows) {
            if (out.size() >= PASSAGES_PER_PAGE) {
                break;
            }
            StringBuilder sb = new StringBuilder();
            int at = w[0];
            for (int[] hit : p.spans()) {
                if (hit[1] <= w[0] || hit[0] >= w[1]) {
                    continue;
                }
                int a = Math.max(hit[0], at);
                int b = Math.min(hit[1], w[1]);
                if (a < at) {
                    continue;
                }
                sb.append(p.text(), at, a).append(PageTextIndex.HIT_START).append(p.text(), a, b).append(PageTextIndex.HIT_END);
                at = b;
            }
            sb.append(p.text(), at, w[1]);
            out.add(new Passage(p.page(), p.label(), sb.toString()));
        }
        return out;
    }
}
