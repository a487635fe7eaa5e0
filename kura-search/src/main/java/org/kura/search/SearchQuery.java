package org.kura.search;

import java.util.List;
import java.util.Map;
import org.kura.search.query.QueryNode;

/**
 * One search: the parsed query, filters (facet name → selected values, OR within a facet, AND across),
 * a year range, the sort, and either a page or a cursor for deep paging.
 *
 * @param cursor null for page-based results, {@code "*"} to start deep paging, or a cursor returned before
 * @param facets which facets to count (names of {@link #FACETS} and {@code years} for the histogram); null for all
 */
public record SearchQuery(QueryNode query, Map<String, List<String>> filters, Integer yearFrom, Integer yearTo,
                          Sort sort, int page, int size, String cursor, boolean clusters, List<String> facets) {

    /** The year histogram's name in {@link #facets}. */
    public static final String YEARS = "years";

    public static final int MAX_SIZE = 100;
    public static final int MAX_START = 10_000;

    /** Facets a search can be narrowed by (and counted on), with their Solr fields. */
    public static final Map<String, String> FACETS = Map.of("provider", "provider", "type", "material_type",
            "language", "language", "access", "access_tier", "reuse", "reuse", "subject", "subject_facet",
            "ndc", "ndc_class", "digital", "has_digital", "fulltext", "has_fulltext");

    public enum Sort { RELEVANCE, DATE_ASC, DATE_DESC, TITLE }

    public SearchQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(1, page);
        size = Math.max(1, Math.min(MAX_SIZE, size));
        for (String f : filters.keySet()) {
            if (!FACETS.containsKey(f)) {
                throw new IllegalArgumentException("unknown filter " + f + "; filters: " + FACETS.keySet());
            }
        }
        if (facets != null) {
            facets = List.copyOf(facets);
            for (String f : facets) {
                if (!FACETS.containsKey(f) && !YEARS.equals(f)) {
                    throw new IllegalArgumentException("unknown facet " + f + "; facets: " + FACETS.keySet() + " and " + YEARS);
                }
            }
        }
    }

    /** A search counting every facet. */
    public SearchQuery(QueryNode query, Map<String, List<String>> filters, Integer yearFrom, Integer yearTo,
                       Sort sort, int page, int size, String cursor, boolean clusters) {
        this(query, filters, yearFrom, yearTo, sort, page, size, cursor, clusters, null);
    }

    /** True when this facet (or {@link #YEARS}) is to be counted. */
    public boolean counts(String facet) {
        return facets == null || facets.contains(facet);
    }

    public static SearchQuery of(QueryNode query) {
        return new SearchQuery(query, Map.of(), null, null, Sort.RELEVANCE, 1, 20, null, true);
    }
}
