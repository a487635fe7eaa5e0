package org.kura.server.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kura.search.SearchQuery;
import org.kura.search.SearchResult;

/**
 * The results page as the template shows it: hits with their links and badges, facets whose every
 * value is a link that adds or removes it (multi-select), the decade histogram, sort options, active
 * filters, and paging — all plain links, so that search works without JavaScript.
 */
public final class SearchView {
    /** Facets shown on the results page, in this order. */
    public static final List<String> FACETS = List.of("provider", "type", "reuse", "access", "digital", "language",
            "subject", "ndc");

    public record FacetOption(String value, String label, long count, boolean selected, String url) {
    }

    public record Facet(String name, String title, List<FacetOption> options) {
    }

    public record YearBar(String label, long count, int percent, String url) {
    }

    public record SortOption(String value, String label, boolean selected) {
    }

    public record Chip(String label, String removeUrl) {
    }

    public record Other(String title, String providerName, String url) {
    }

    public record Hit(String title, String url, List<String> creators, String date, String type, String reuse,
                      String reuseClass, String access, boolean digital, String thumbnail, String providerName,
                      long clusterSize, List<Other> others, String snippet) {
    }

    private final PortalPage page;
    private final SearchQuery query;
    private final SearchResult result;
    private final QueryString qs;
    private final Map<String, String> providerNames;
    private final String error;
    private String themeTitle;

    public SearchView(PortalPage page, SearchQuery query, SearchResult result, QueryString qs,
                      Map<String, String> providerNames, String error) {
        this.page = page;
        this.query = query;
        this.result = result;
        this.qs = qs;
        this.providerNames = providerNames;
        this.error = error;
    }

    /** This search is narrowed to a theme (shown as a filter that can be removed). */
    public SearchView inTheme(String title) {
        this.themeTitle = title;
        return this;
    }

    public String error() {
        return error;
    }

    public boolean hasResult() {
        return result != null;
    }

    public long total() {
        return result == null ? 0 : result.total();
    }

    public String didYouMean() {
        return result == null ? null : result.didYouMean();
    }

    public String didYouMeanUrl() {
        return qs.with("q", didYouMean()).without("page").url("/search");
    }

    /** The words of the query, for the link to the same search in the text of digitized items; null without words. */
    public String words() {
        String q = qs.get("q");
        return q == null || q.isBlank() ? null : q;
    }

    public String fullTextUrl() {
        return words() == null ? null : "/fulltext?q=" + QueryString.enc(words());
    }

    /** The full-text search form, narrowed to the records this search finds. */
    public String withinUrl() {
        return words() == null ? null : "/fulltext?records=" + QueryString.enc(words());
    }

    public int pageNumber() {
        return query == null ? 1 : query.page();
    }

    public long lastPage() {
        if (result == null) {
            return 1;
        }
        return Math.max(1, Math.min((result.total() + query.size() - 1) / query.size(), SearchQuery.MAX_START / query.size() + 1));
    }

    public String pageUrl(long n) {
        return qs.with("page", n <= 1 ? null : Long.toString(n)).url("/search");
    }

    public long firstItem() {
        return result == null || result.total() == 0 ? 0 : (long) (query.page() - 1) * query.size() + 1;
    }

    public long lastItem() {
        return result == null ? 0 : firstItem() + result.hits().size() - 1;
    }

    public String sort() {
        return query == null ? "relevance" : query.sort().name().toLowerCase(java.util.Locale.ROOT);
    }

    public List<SortOption> sorts() {
        List<SortOption> out = new ArrayList<>();
        for (SearchQuery.Sort s : SearchQuery.Sort.values()) {
            String v = s.name().toLowerCase(java.util.Locale.ROOT);
            out.add(new SortOption(v, page.t("sort." + v), v.equals(sort())));
        }
        return out;
    }

    /** The other parameters of this search, as hidden fields of the sort form (so sorting keeps filters). */
    public List<String[]> hiddenForSort() {
        List<String[]> out = new ArrayList<>();
        for (String name : FACETS) {
            for (String v : qs.all(name)) {
                out.add(new String[] {name, v});
            }
        }
        for (String name : List.of("q", "year_from", "year_to", "lang", "theme")) {
            if (qs.get(name) != null) {
                out.add(new String[] {name, qs.get(name)});
            }
        }
        return out;
    }

    public String yearFrom() {
        return query == null || query.yearFrom() == null ? "" : query.yearFrom().toString();
    }

    public String yearTo() {
        return query == null || query.yearTo() == null ? "" : query.yearTo().toString();
    }

    public List<Hit> hits() {
        if (result == null) {
            return List.of();
        }
        List<Hit> out = new ArrayList<>();
        for (SearchResult.Hit h : result.hits()) {
            List<Other> others = h.others().stream().map(o -> new Other(o.title(), providerName(o.provider()),
                    PortalRoutes.recordUrl(o.provider(), o.recordId()))).toList();
            out.add(new Hit(h.title() == null || h.title().isBlank() ? page.t("untitled") : h.title(),
                    PortalRoutes.recordUrl(h.provider(), h.recordId()), h.creators(), h.date(), page.label("type", h.materialType()),
                    page.label("reuse", h.reuse()), PortalPage.reuseClass(h.reuse()),
                    h.accessTier() == null || "NONE".equals(h.accessTier()) ? null : page.label("access", h.accessTier()),
                    h.hasDigital(), SafeUrls.externalOrSameSite(h.thumbnail()), providerName(h.provider()), h.clusterSize(), others,
                    snippet(h)));
        }
        return out;
    }

    /** The highlighted title or creator as plain text around {@code <em>} marks, for the template to escape. */
    private static String snippet(SearchResult.Hit h) {
        List<String> t = h.highlights().get("title");
        return t == null || t.isEmpty() ? null : t.get(0);
    }


    private String providerName(String id) {
        return providerNames.getOrDefault(id, id);
    }

    public List<Facet> facets() {
        if (result == null) {
            return List.of();
        }
        List<Facet> out = new ArrayList<>();
        for (String name : FACETS) {
            List<SearchResult.FacetValue> values = result.facets().getOrDefault(name, List.of());
            List<FacetOption> options = new ArrayList<>();
            for (SearchResult.FacetValue v : values) {
                boolean selected = qs.has(name, v.value());
                options.add(new FacetOption(v.value(), label(name, v.value()), v.count(), selected,
                        qs.toggle(name, v.value()).without("page").url("/search")));
            }
            // a selected value that no longer has hits still shows, so it can be removed
            for (String selected : qs.all(name)) {
                if (values.stream().noneMatch(v -> v.value().equals(selected))) {
                    options.add(new FacetOption(selected, label(name, selected), 0, true,
                            qs.without(name, selected).without("page").url("/search")));
                }
            }
            if (!options.isEmpty()) {
                out.add(new Facet(name, page.t("facet." + name), options));
            }
        }
        return out;
    }

    private String label(String facet, String value) {
        return "provider".equals(facet) ? providerName(value) : page.label(facet, value);
    }

    public List<Chip> chips() {
        List<Chip> out = new ArrayList<>();
        if (themeTitle != null) {
            out.add(new Chip(page.t("facets.theme") + ": " + themeTitle, qs.without("theme").without("page").url("/search")));
        }
        for (String name : FACETS) {
            for (String v : qs.all(name)) {
                out.add(new Chip(page.t("facet." + name) + ": " + label(name, v), qs.without(name, v).without("page").url("/search")));
            }
        }
        if (!yearFrom().isEmpty() || !yearTo().isEmpty()) {
            out.add(new Chip(page.t("facet.years") + ": " + yearFrom() + "–" + yearTo(),
                    qs.without("year_from").without("year_to").without("page").url("/search")));
        }
        return out;
    }

    public List<YearBar> years() {
        if (result == null || result.years().isEmpty()) {
            return List.of();
        }
        long max = result.years().stream().mapToLong(SearchResult.FacetValue::count).max().orElse(1);
        List<YearBar> out = new ArrayList<>();
        for (SearchResult.FacetValue v : result.years()) {
            int start;
            try {
                start = Integer.parseInt(v.value());
            } catch (NumberFormatException e) {
                continue;
            }
            out.add(new YearBar(start + "s", v.count(), (int) Math.max(4, v.count() * 100 / Math.max(1, max)),
                    qs.with("year_from", Integer.toString(start)).with("year_to", Integer.toString(start + 9))
                            .without("page").url("/search")));
        }
        return out;
    }
}
