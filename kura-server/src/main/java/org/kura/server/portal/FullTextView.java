package org.kura.server.portal;

import java.util.ArrayList;
import java.util.List;
import org.kura.fulltext.FullTextSearch;
import org.kura.fulltext.PageTextIndex;

/**
 * What the full-text results page shows: per item the record it digitizes, whether the reader may read
 * the text or only locate it, the matching pages with links that open the viewer there (with the
 * search run inside the book, so the hit is highlighted), and passages split into plain and hit
 * segments (the template escapes every segment; hits become {@code <mark>}).
 */
public record FullTextView(String query, long items, long pages, List<Row> rows, String error, String prev, String next,
                           String records) {

    /** A run of a passage: text, and whether it is a hit. */
    public record Segment(String text, boolean hit) {
    }

    public record Passage(String pageLabel, String viewerUrl, List<Segment> segments) {
    }

    public record PageLink(String label, String url) {
    }

    public record Row(String title, String recordUrl, boolean full, long pagesMatched, List<PageLink> pageLinks,
                      List<Passage> passages, String heldBack, String manifest) {
    }

    /** The same words over all items. */
    public String allUrl() {
        return "/fulltext?q=" + QueryString.enc(query);
    }

    /** The same words as a search of the records' metadata. */
    public String metadataUrl() {
        return "/search?q=" + QueryString.enc(query);
    }

    static FullTextView of(String q, FullTextSearch.Result r, int page, int size) {
        List<Row> rows = new ArrayList<>();
        for (FullTextSearch.ItemResult i : r.results()) {
            String recordUrl = null;
            if (i.recordId() != null && i.recordId().indexOf(':') > 0) {
                int colon = i.recordId().indexOf(':');
                recordUrl = PortalRoutes.recordUrl(i.recordId().substring(0, colon), i.recordId().substring(colon + 1));
            }
            String manifest = "/iiif/3/" + i.itemId() + "/manifest";
            List<PageLink> links = i.pages().stream().map(p -> new PageLink(label(p.label(), p.page()), viewer(manifest, p.page(), q)))
                    .toList();
            List<Passage> passages = i.passages().stream().map(p -> new Passage(label(p.label(), p.page()),
                    viewer(manifest, p.page(), q), segments(p.text()))).toList();
            rows.add(new Row(i.title() == null ? i.itemId() : i.title(), recordUrl, i.access() == FullTextSearch.Access.FULL,
                    i.pagesMatched(), links, passages, i.heldBack(), manifest));
        }
        String base = "/fulltext?q=" + QueryString.enc(q) + "&page=";
        return new FullTextView(q, r.items(), r.pages(), rows, null, page > 1 ? base + (page - 1) : null,
                (long) page * size < r.items() ? base + (page + 1) : null, null);
    }

    /** The same results, narrowed to the records of a metadata query (the pager keeps it). */
    FullTextView within(String metadataQuery) {
        if (metadataQuery == null) {
            return this;
        }
        String keep = "&records=" + QueryString.enc(metadataQuery);
        return new FullTextView(query, items, pages, rows, error, prev == null ? null : prev + keep, next == null ? null : next + keep,
                metadataQuery);
    }

    static FullTextView error(String q, String message) {
        return new FullTextView(q, 0, 0, List.of(), message, null, null, null);
    }

    static String label(String label, int page) {
        return label != null && !label.isBlank() ? label : "p. " + page;
    }

    static String viewer(String manifest, int page, String q) {
        return "/viewer?manifest=" + QueryString.enc(manifest) + "&page=" + page + "&q=" + QueryString.enc(q);
    }

    /** Marked text ({@link PageTextIndex#HIT_START}…{@link PageTextIndex#HIT_END}) as segments. */
    static List<Segment> segments(String marked) {
        List<Segment> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean hit = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == PageTextIndex.HIT_START || c == PageTextIndex.HIT_END) {
                if (!run.isEmpty()) {
                    out.add(new Segment(run.toString(), hit));
                    run.setLength(0);
                }
                hit = c == PageTextIndex.HIT_START;
            } else {
                run.append(c == '\n' ? ' ' : c);
            }
        }
        if (!run.isEmpty()) {
            out.add(new Segment(run.toString(), hit));
        }
        return out;
    }
}
