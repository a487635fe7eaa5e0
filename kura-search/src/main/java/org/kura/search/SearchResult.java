package org.kura.search;

import java.util.List;
import java.util.Map;

/**
 * What a search found.
 *
 * @param total       matching records (clusters count once when clustering is on)
 * @param hits        this page
 * @param facets      facet name → values with counts of records (each record of a cluster counts), in descending count
 * @param years       decade buckets (start year → count)
 * @param nextCursor  the cursor for the next page when deep paging, else null
 * @param didYouMean  a corrected query when nothing was found and the index suggests one, else null
 * @param mapped      matching records that carry coordinates (what a map of the results can show)
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, List<FacetValue> years,
                           String nextCursor, String didYouMean, long queryMillis, long mapped) {

    /** One record of the results; {@code others} are the other records of its work cluster. */
    public record Hit(String id, String recordId, String provider, String title, List<String> creators, String date,
                      Integer year, String materialType, String reuse, String accessTier, boolean hasDigital,
                      String thumbnail, String clusterKey, long clusterSize, List<Other> others,
                      Map<String, List<String>> highlights) {
    }

    /** Another record of the same work, held by another provider. */
    public record Other(String id, String recordId, String provider, String title) {
    }

    public record FacetValue(String value, long count) {
    }
}
