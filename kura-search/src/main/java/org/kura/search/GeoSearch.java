package org.kura.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrException;

/**
 * The points of a search's records for a map: the same query and filters as {@link Searcher#search},
 * only records with coordinates ({@code has_geo}), optionally within a {@link GeoBox}, the most relevant
 * first, capped at {@link #MAX_POINTS} records. Plain rows rather than {@code facet.heatmap}: the
 * heatmap needs an RPT field, and a few thousand points are what a clustered marker layer shows well;
 * it works the same on embedded Solr and SolrCloud.
 */
public final class GeoSearch {
    /** The most records one answer gives points for. */
    public static final int MAX_POINTS = 2_000;

    private final SearchBackend backend;

    public GeoSearch(SearchBackend backend) {
        this.backend = backend;
    }

    /**
     * Points of the records {@code q} finds (work clusters are not collapsed: every record is a place).
     *
     * @param area  only points in this box, or null for all
     * @param limit records to give points for, 0..{@link #MAX_POINTS} (0 only counts)
     */
    public GeoPoints points(SearchQuery q, GeoBox area, int limit) {
        SolrQuery s = Searcher.base(q, area);
        s.addFilterQuery("has_geo:true");
        s.setRows(Math.max(0, Math.min(MAX_POINTS, limit)));
        s.setFields("id", "record_id", "provider", "title_display", "geo");
        QueryResponse r;
        try {
            r = backend.client().query(backend.collection(), s, SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException | SolrException e) {
            throw new SearchException("map points failed: " + e.getMessage(), e);
        }
        List<GeoPoints.Point> points = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            Collection<Object> values = d.getFieldValues("geo");
            if (values == null) {
                continue;
            }
            for (Object v : values) {
                String[] ll = String.valueOf(v).split(",");
                if (ll.length == 2) {
                    points.add(new GeoPoints.Point((String) d.getFieldValue("id"), (String) d.getFieldValue("record_id"),
                            (String) d.getFieldValue("provider"), (String) d.getFieldValue("title_display"),
                            Double.parseDouble(ll[0].strip()), Double.parseDouble(ll[1].strip())));
                }
            }
        }
        return new GeoPoints(r.getResults().getNumFound(), r.getResults().size(), points);
    }
}
