package org.kura.fulltext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * IIIF Content Search for one item: version 2.0 (Annotation Pages with {@code highlighting}
 * annotations carrying {@code TextQuoteSelector}s, paged, with autocomplete as Term Pages) and, for
 * viewers that only speak it (Mirador 3), version 1.0 ({@code sc:AnnotationList} with {@code hits}).
 * Each hit is placed on its canvas with {@code #xywh} from the page's line or word boxes
 * ({@link HitBoxes}), scaled from the OCR image to the canvas. A reader who may not read the text
 * gets the places and the matched words only, no surrounding text.
 */
public final class ContentSearch {
    public static final String CONTEXT_2 = "http://iiif.io/api/search/2/context.json";
    /** Pages of hits per Annotation Page (the spec's paging; a viewer follows {@code next}). */
    static final int PAGES_PER_RESPONSE = 20;
    private static final int CONTEXT_CHARS = 30;

    private final PageTextIndex index;
    private final TextStore texts;

    public ContentSearch(PageTextIndex index, TextStore texts) {
        this.index = index;
        this.texts = texts;
    }

    /** The services to put on an item's manifest (2.0 first, then 1.0 for older viewers). */
    public static List<Map<String, Object>> services(String base, String itemId) {
        String root = base + "/iiif/3/" + itemId;
        Map<String, Object> v2 = new LinkedHashMap<>();
        v2.put("id", root + "/search");
        v2.put("type", "SearchService2");
        v2.put("service", List.of(Map.of("id", root + "/autocomplete", "type", "AutoCompleteService2")));
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("@id", root + "/search1");
        v1.put("@type", "SearchService1");
        v1.put("profile", "http://iiif.io/api/search/1/search");
        v1.put("service", List.of(Map.of("@id", root + "/autocomplete1", "@type", "AutoCompleteService1",
                "profile", "http://iiif.io/api/search/1/autocomplete")));
        return List.of(v2, v1);
    }

    /** One hit placed on a canvas. */
    record Located(int page, int n, String exact, String prefix, String suffix, List<String> targets) {
    }

    /**
     * Content Search 2.0.
     *
     * @param canvasSize page number → {width, height} of its canvas
     * @param fullText   the reader may read the item's text (bodies with context); else places and matches only
     * @param ignored    request parameters this service does not implement (reported as {@code ignored})
     */
    public Map<String, Object> search2(String itemId, String q, int page, String base, IntFunction<int[]> canvasSize, boolean fullText,
                                       List<String> ignored) {
        int p = Math.max(1, page);
        PageTextIndex.Within w = index.within(itemId, q, (p - 1) * PAGES_PER_RESPONSE, PAGES_PER_RESPONSE);
        String root = base + "/iiif/3/" + itemId;
        String self = root + "/search?q=" + enc(q);
        List<Located> hits = locate(itemId, w, root, canvasSize, fullText);
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> context = new ArrayList<>();
        for (Located h : hits) {
            String first = null;
            for (int i = 0; i < h.targets().size(); i++) {
                String id = root + "/search/hit/" + h.page() + "-" + h.n() + (i == 0 ? "" : "-" + i);
                first = first == null ? id : first;
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", id);
                a.put("type", "Annotation");
                a.put("motivation", "highlighting");
                a.put("body", Map.of("type", "TextualBody", "value", h.exact(), "format", "text/plain"));
                a.put("target", h.targets().get(i));
                items.add(a);
            }
            Map<String, Object> selector = new LinkedHashMap<>();
            selector.put("type", "TextQuoteSelector");
            if (fullText) {
                selector.put("prefix", h.prefix());
            }
            selector.put("exact", h.exact());
            if (fullText) {
                selector.put("suffix", h.suffix());
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", root + "/search/match/" + h.page() + "-" + h.n());
            c.put("type", "Annotation");
            c.put("motivation", "contextualizing");
            c.put("target", Map.of("type", "SpecificResource", "source", first, "selector", List.of(selector)));
            context.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@context", CONTEXT_2);
        out.put("id", w.pagesMatched() > PAGES_PER_RESPONSE ? self + "&page=" + p : self);
        out.put("type", "AnnotationPage");
        if (ignored != null && !ignored.isEmpty()) {
            out.put("ignored", ignored);
        }
        if (w.pagesMatched() > PAGES_PER_RESPONSE) {
            long last = (w.pagesMatched() + PAGES_PER_RESPONSE - 1) / PAGES_PER_RESPONSE;
            out.put("partOf", Map.of("id", self, "type", "AnnotationCollection", "total", w.pagesMatched(),
                    "first", Map.of("id", self + "&page=1", "type", "AnnotationPage"),
                    "last", Map.of("id", self + "&page=" + last, "type", "AnnotationPage")));
            if (p < last) {
                out.put("next", Map.of("id", self + "&page=" + (p + 1), "type", "AnnotationPage"));
            }
            if (p > 1) {
                out.put("prev", Map.of("id", self + "&page=" + (p - 1), "type", "AnnotationPage"));
            }
            out.put("startIndex", (p - 1) * PAGES_PER_RESPONSE);
        }
        out.put("items", items);
        if (!context.isEmpty()) {
            out.put("annotations", List.of(Map.of("type", "AnnotationPage", "items", context)));
        }
        return out;
    }

    /** Content Search 1.0 (for Mirador 3): one annotation per placed hit and a {@code hits} list. */
    public Map<String, Object> search1(String itemId, String q, String base, IntFunction<int[]> canvasSize, boolean fullText) {
        PageTextIndex.Within w = index.within(itemId, q, 0, 200);
        String root = base + "/iiif/3/" + itemId;
        List<Map<String, Object>> resources = new ArrayList<>();
        List<Map<String, Object>> hitList = new ArrayList<>();
        for (Located h : locate(itemId, w, root, canvasSize, fullText)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < h.targets().size(); i++) {
                String id = root + "/search1/hit/" + h.page() + "-" + h.n() + (i == 0 ? "" : "-" + i);
                ids.add(id);
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("@id", id);
                a.put("@type", "oa:Annotation");
                a.put("motivation", "sc:painting");
                a.put("resource", Map.of("@type", "cnt:ContentAsText", "chars", h.exact()));
                a.put("on", h.targets().get(i));
                resources.add(a);
            }
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("@type", "search:Hit");
            hit.put("annotations", ids);
            hit.put("match", h.exact());
            if (fullText) {
                hit.put("before", h.prefix());
                hit.put("after", h.suffix());
            }
            hitList.add(hit);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@context", List.of("http://iiif.io/api/presentation/2/context.json", "http://iiif.io/api/search/1/context.json"));
        out.put("@id", root + "/search1?q=" + enc(q));
        out.put("@type", "sc:AnnotationList");
        out.put("within", Map.of("@type", "sc:Layer", "total", resources.size()));
        out.put("resources", resources);
        out.put("hits", hitList);
        return out;
    }

    /** Autocomplete 2.0: words of the item beginning with {@code q}, each with a search link. */
    public Map<String, Object> autocomplete2(String itemId, String q, String base) {
        String root = base + "/iiif/3/" + itemId;
        List<Map<String, Object>> items = new ArrayList<>();
        for (PageTextIndex.Term t : index.terms(itemId, q, 20)) {
            Map<String, Object> term = new LinkedHashMap<>();
            term.put("value", t.value());
            term.put("total", t.pages());
            term.put("service", List.of(Map.of("id", root + "/search?q=" + enc(t.value()), "type", "SearchService2")));
            items.add(term);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@context", CONTEXT_2);
        out.put("id", root + "/autocomplete?q=" + enc(q));
        out.put("type", "TermPage");
        out.put("items", items);
        return out;
    }

    /** Autocomplete 1.0 ({@code search:TermList}). */
    public Map<String, Object> autocomplete1(String itemId, String q, String base) {
        String root = base + "/iiif/3/" + itemId;
        List<Map<String, Object>> terms = new ArrayList<>();
        for (PageTextIndex.Term t : index.terms(itemId, q, 20)) {
            terms.add(Map.of("match", t.value(), "url", root + "/search1?q=" + enc(t.value()), "count", t.pages()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("@context", "http://iiif.io/api/search/1/context.json");
        out.put("@id", root + "/autocomplete1?q=" + enc(q));
        out.put("@type", "search:TermList");
        out.put("terms", terms);
        return out;
    }

    private List<Located> locate(String itemId, PageTextIndex.Within w, String root, IntFunction<int[]> canvasSize, boolean fullText) {
        List<Located> out = new ArrayList<>();
        for (PageTextIndex.PageMatch m : w.pages()) {
            PageText page = texts.page(itemId, m.page(), m.version()).orElse(null);
            String canvas = root + "/canvas/" + m.page();
            int[] size = canvasSize.apply(m.page());
            int n = 0;
            for (int[] span : m.spans()) {
                n++;
                String text = m.text();
                String exact = text.substring(span[0], span[1]);
                String prefix = fullText ? text.substring(Math.max(0, span[0] - CONTEXT_CHARS), span[0]) : "";
                String suffix = fullText ? text.substring(span[1], Math.min(text.length(), span[1] + CONTEXT_CHARS)) : "";
                List<String> targets = new ArrayList<>();
                if (page != null && page.text().equals(text)) {
                    for (Box b : HitBoxes.locate(page, span[0], span[1])) {
                        targets.add(canvas + "#xywh=" + scale(b, page, size).xywh());
                    }
                }
                if (targets.isEmpty()) {
                    targets.add(canvas); // no coordinates: the hit is on this page
                }
                out.add(new Located(m.page(), n, exact, prefix, suffix, targets));
            }
        }
        return out;
    }

    /** From the OCR image's pixels to the canvas's (they differ when OCR ran on a smaller copy). */
    static Box scale(Box b, PageText page, int[] canvas) {
        if (canvas == null || page.width() <= 0 || page.height() <= 0 || (page.width() == canvas[0] && page.height() == canvas[1])) {
            return b;
        }
        double sx = (double) canvas[0] / page.width();
        double sy = (double) canvas[1] / page.height();
        return new Box((int) Math.round(b.x() * sx), (int) Math.round(b.y() * sy), (int) Math.max(1, Math.round(b.w() * sx)),
                (int) Math.max(1, Math.round(b.h() * sy)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
