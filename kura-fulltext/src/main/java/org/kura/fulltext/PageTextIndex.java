package org.kura.fulltext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.kura.model.AccessTier;
import org.kura.search.SearchBackend;
import org.kura.search.SearchException;
import org.kura.search.query.KuraQueryParser;
import org.kura.search.query.QueryNode;
import org.kura.search.query.SolrQueryWriter;

/**
 * The page-text index: one Solr document per page of a digitized item (its own core or collection,
 * with the project's configset; on SolrCloud routed by item, so that a book's pages share a shard).
 * Answers three questions: which items and pages match a query (grouped by item, with highlighted
 * passages), where inside one item a query matches (pages with the exact spans of each hit, for
 * Content Search), and which words of an item start with a prefix (autocomplete). Queries use Kura's
 * search-box syntax and are escaped like every other search; fielded terms are not allowed here.
 * Whether anyone may see a passage is not decided here: results carry the item's tier as indexed
 * and callers ask the AccessPolicy with the catalog's current tier.
 */
public final class PageTextIndex implements AutoCloseable {
    /** Marks a hit's start and end in highlighted text; control characters never occur in stored text. */
    public static final char HIT_START = '\u0001';
    public static final char HIT_END = '\u0002';
    private static final int MAX_ROWS = 200;

    private final SearchBackend backend;

    public PageTextIndex(SearchBackend backend) {
        this.backend = backend;
    }

    /** What the index keeps about the item a page belongs to. */
    public record ItemInfo(String itemId, String recordId, String provider, AccessTier tier, String title) {
    }

    /**
     * A page that matched: its whole text and the spans [start, end) of the hits in it; for an item's other
     * pages (not its best) text is null and spans empty: they are named, not quoted.
     */
    public record PageHit(int page, String label, long version, String text, List<int[]> spans) {
    }

    /** An item that matched: its best pages and how many pages matched in all. */
    public record ItemHit(String itemId, String recordId, String provider, String title, AccessTier tier, long pagesMatched,
                          List<PageHit> pages) {
    }

    /** One page of full-text results: items matching in all, pages matching in the items shown. */
    public record Hits(long items, long pages, List<ItemHit> hits) {
    }

    /**
     * @param query    Kura search-box syntax
     * @param tiers    the tiers whose items may appear (the caller's entitlement to a location search)
     * @param provider only this provider's items, or null
     * @param recordIds only items digitizing these records ({@code provider:identifier}; a metadata search's
     *                  results), or null for all
     */
    public record TextQuery(String query, Set<AccessTier> tiers, String provider, Collection<String> recordIds, int page, int size,
                            int pagesPerItem) {
    }

    /** A page matched inside an item: its whole text and the spans [start, end) of each hit in it. */
    public record PageMatch(int page, String label, long version, String text, List<int[]> spans) {
    }

    /** Pages matched inside an item, in page order. */
    public record Within(long pagesMatched, List<PageMatch> pages) {
    }

    /** A word of an item and how many pages have it. */
    public record Term(String value, long pages) {
    }

    // ---- writing ------------------------------------------------------------------------------

    /** Replaces the item's pages in the index (pages without text are left out). */
    public void index(ItemInfo item, List<PageText> pages, long version, Map<Integer, String> labels) {
        List<SolrInputDocument> docs = new ArrayList<>();
        for (PageText p : pages) {
            if (p.isEmpty()) {
                continue;
            }
            SolrInputDocument d = new SolrInputDocument();
            d.addField("id", item.itemId() + "~" + p.page());
            d.addField("item_id", item.itemId());
            d.addField("page", p.page());
            String label = labels.get(p.page());
            if (label != null) {
                d.addField("page_label", label);
            }
            d.addField("text_version", version);
            d.addField("ft", clean(p.text()));
            if (item.recordId() != null) {
                d.addField("record_id", item.recordId());
            }
            if (item.provider() != null) {
                d.addField("provider", item.provider());
            }
            d.addField("access_tier", item.tier().name());
            if (item.title() != null) {
                d.addField("title_display", item.title());
            }
            docs.add(d);
        }
        try {
            deleteItem(item.itemId());
            backend.add(docs);
        } catch (IOException | SolrServerException e) {
            throw new SearchException("cannot index the text of " + item.itemId() + ": " + e.getMessage(), e);
        }
    }

    public void deleteItem(String itemId) {
        try {
            backend.client().deleteByQuery(backend.collection(), "item_id:\"" + ClientUtils.escapeQueryChars(itemId) + "\"");
        } catch (IOException | SolrServerException e) {
            throw new SearchException("cannot remove the text of " + itemId + ": " + e.getMessage(), e);
        }
    }

    public void commit() {
        try {
            backend.commit();
        } catch (IOException | SolrServerException e) {
            throw new SearchException("cannot commit the page-text index: " + e.getMessage(), e);
        }
    }

    /** Pages in the index (all items). */
    public long size() {
        SolrQuery s = new SolrQuery("*:*");
        s.setRows(0);
        return send(s).getResults().getNumFound();
    }

    // ---- reading ------------------------------------------------------------------------------

    /** Items whose text matches, best first, each with its best pages and highlighted passages. */
    public Hits search(TextQuery q) {
        SolrQuery s = textQuery(q.query());
        if (q.tiers().isEmpty()) {
            return new Hits(0, 0, List.of());
        }
        // OR spelled out: the handler's q.op=AND would otherwise apply inside the parentheses
        s.addFilterQuery("access_tier:(" + q.tiers().stream().map(AccessTier::name).sorted().collect(Collectors.joining(" OR ")) + ")");
        if (q.provider() != null && !q.provider().isBlank()) {
            s.addFilterQuery("provider:\"" + ClientUtils.escapeQueryChars(q.provider()) + "\"");
        }
        if (q.recordIds() != null) {
            if (q.recordIds().isEmpty()) {
                return new Hits(0, 0, List.of());
            }
            s.addFilterQuery("record_id:(" + q.recordIds().stream().map(i -> "\"" + ClientUtils.escapeQueryChars(i) + "\"")
                    .collect(Collectors.joining(" OR ")) + ")");
        }
        int size = Math.max(1, Math.min(100, q.size()));
        // the best page of each item (collapse: one pass over the matches), the item's other best pages by expand;
        // only best pages are highlighted, so a query costs passages for the items shown, not for all their pages
        s.addFilterQuery("{!collapse field=item_id}");
        s.set("expand", true);
        s.set("expand.rows", Math.max(0, Math.min(10, q.pagesPerItem() - 1)));
        s.setStart(Math.min(10_000, (Math.max(1, q.page()) - 1) * size));
        s.setRows(size);
        s.setFields("id", "item_id", "record_id", "provider", "title_display", "access_tier", "page", "page_label", "text_version",
                "ft");
        highlight(s);
        QueryResponse r = send(s);
        Map<String, Map<String, List<String>>> hl = r.getHighlighting() == null ? Map.of() : r.getHighlighting();
        Map<String, org.apache.solr.common.SolrDocumentList> expanded = r.getExpandedResults() == null ? Map.of() : r.getExpandedResults();
        List<ItemHit> out = new ArrayList<>();
        long items = r.getResults().getNumFound();
        long pages = 0;
        for (SolrDocument best : r.getResults()) {
            String item = (String) best.getFieldValue("item_id");
            List<PageHit> pageHits = new ArrayList<>();
            pageHits.add(new PageHit((Integer) best.getFieldValue("page"), (String) best.getFieldValue("page_label"), version(best),
                    (String) best.getFieldValue("ft"), spans(hl, best)));
            org.apache.solr.common.SolrDocumentList more = expanded.get(item);
            long matched = 1;
            if (more != null) {
                matched += more.getNumFound();
                for (SolrDocument d : more) {
                    pageHits.add(new PageHit((Integer) d.getFieldValue("page"), (String) d.getFieldValue("page_label"), version(d),
                            null, List.of()));
                }
            }
            pages += matched;
            out.add(new ItemHit(item, (String) best.getFieldValue("record_id"), (String) best.getFieldValue("provider"),
                    (String) best.getFieldValue("title_display"), AccessTier.valueOf((String) best.getFieldValue("access_tier")), matched,
                    pageHits));
        }
        return new Hits(items, pages, out);
    }

    /** Where a query matches inside one item: pages in page order with the exact spans of the hits. */
    public Within within(String itemId, String query, int start, int rows) {
        SolrQuery s = textQuery(query);
        s.addFilterQuery("item_id:\"" + ClientUtils.escapeQueryChars(itemId) + "\"");
        s.setStart(Math.max(0, Math.min(100_000, start)));
        s.setRows(Math.max(0, Math.min(MAX_ROWS, rows)));
        s.addSort("page", SolrQuery.ORDER.asc);
        s.setFields("id", "page", "page_label", "text_version", "ft");
        highlight(s);
        QueryResponse r = send(s);
        Map<String, Map<String, List<String>>> hl = r.getHighlighting() == null ? Map.of() : r.getHighlighting();
        List<PageMatch> pages = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            pages.add(new PageMatch((Integer) d.getFieldValue("page"), (String) d.getFieldValue("page_label"), version(d),
                    (String) d.getFieldValue("ft"), spans(hl, d)));
        }
        return new Within(r.getResults().getNumFound(), pages);
    }

    /** Words of an item that start with {@code prefix}, most frequent first. */
    public List<Term> terms(String itemId, String prefix, int limit) {
        String p = java.text.Normalizer.normalize(prefix == null ? "" : prefix.strip(), java.text.Normalizer.Form.NFKC)
                .toLowerCase(java.util.Locale.ROOT);
        if (p.isEmpty() || p.length() > 40) {
            return List.of();
        }
        SolrQuery s = new SolrQuery("*:*");
        s.addFilterQuery("item_id:\"" + ClientUtils.escapeQueryChars(itemId) + "\"");
        s.setRows(0);
        s.setFacet(true);
        s.addFacetField("ft_words");
        s.setFacetPrefix(p);
        s.setFacetLimit(Math.max(1, Math.min(50, limit)));
        s.setFacetMinCount(1);
        FacetField f = send(s).getFacetField("ft_words");
        List<Term> out = new ArrayList<>();
        if (f != null && f.getValues() != null) {
            f.getValues().forEach(c -> out.add(new Term(c.getName(), c.getCount())));
        }
        return out;
    }

    /** The spans [start, end) of marked hits in a highlighted text, in the coordinates of the text without marks. */
    public static List<int[]> spans(String marked) {
        List<int[]> out = new ArrayList<>();
        int plain = 0;
        int open = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == HIT_START) {
                open = plain;
            } else if (c == HIT_END) {
                if (open >= 0 && plain > open) {
                    if (!out.isEmpty() && out.get(out.size() - 1)[1] >= open) {
                        out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], plain); // adjacent bigrams: one hit
                    } else {
                        out.add(new int[] {open, plain});
                    }
                }
                open = -1;
            } else {
                plain++;
            }
        }
        return out;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static SolrQuery textQuery(String query) {
        QueryNode node = new KuraQueryParser().parse(query == null ? "" : query);
        if (node instanceof QueryNode.All) {
            throw new IllegalArgumentException("a full-text search needs words to look for");
        }
        SolrQuery s = new SolrQuery(SolrQueryWriter.write(node));
        s.set("defType", "edismax");
        // one CJK field (unigrams and bigrams) and English stems; no phrase boost: a Japanese word is a phrase of
        // bigrams already, and a whole-query phrase over every matching page was most of a query's cost
        s.set("qf", "ft^2 ft_en^0.5");
        s.set("uf", "-*"); // no fielded queries over page text
        s.set("spellcheck", false);
        return s;
    }

    /** The hits of a result document, from its whole-text highlight. */
    private static List<int[]> spans(Map<String, Map<String, List<String>>> hl, SolrDocument d) {
        List<String> whole = hl.getOrDefault((String) d.getFieldValue("id"), Map.of()).getOrDefault("ft", List.of());
        return whole.isEmpty() ? List.of() : spans(whole.get(0));
    }

    /** Highlighting of the whole stored text, hits marked with control characters: spans are computed from it. */
    private static void highlight(SolrQuery s) {
        s.setHighlight(true);
        s.set("hl.method", "unified");
        s.set("hl.fl", "ft");
        s.set("hl.requireFieldMatch", false);
        s.set("hl.tag.pre", String.valueOf(HIT_START));
        s.set("hl.tag.post", String.valueOf(HIT_END));
        s.set("hl.encoder", "");
        s.set("hl.maxAnalyzedChars", 500_000);
        s.set("hl.bs.type", "WHOLE");
        s.set("hl.fragsize", 0);
        s.set("hl.snippets", 1);
        s.set("hl.defaultSummary", false);
    }

    private static long version(SolrDocument d) {
        Object v = d.getFieldValue("text_version");
        return v instanceof Number n ? n.longValue() : 0;
    }

    /** Control characters out (they mark hits in highlighting). */
    static String clean(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\t' || !Character.isISOControl(cp)) {
                sb.appendCodePoint(cp);
            } else {
                sb.append(' ');
            }
        });
        return sb.toString();
    }

    private QueryResponse send(SolrQuery s) {
        try {
            return backend.client().query(backend.collection(), s);
        } catch (IOException | SolrServerException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new SearchException("full-text search failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        backend.close();
    }
}
