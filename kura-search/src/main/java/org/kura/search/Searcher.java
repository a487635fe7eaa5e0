package org.kura.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.params.CursorMarkParams;
import org.kura.search.query.SolrQueryWriter;

/**
 * Runs a {@link SearchQuery} against the index: edismax over the Japanese-aware fields, multi-select
 * facets (a facet's own selection does not narrow its counts), a decade histogram, highlighting, work
 * clusters (collapse/expand on the cluster key) and cursor paging. Filters' values are escaped;
 * local parameters are only ever written by this class.
 */
public final class Searcher {
    private final SearchBackend backend;

    public Searcher(SearchBackend backend) {
        this.backend = backend;
    }

    public SearchResult search(SearchQuery q) {
        return search(q, null);
    }

    /** The search narrowed to records with a point in {@code area} (null: no narrowing). */
    public SearchResult search(SearchQuery q, GeoBox area) {
        SolrQuery s = new SolrQuery(SolrQueryWriter.write(q.query()));
        addFilters(s, q);
        if (area != null) {
            s.addFilterQuery(area.filterQuery());
        }
        if (q.clusters()) {
            // on cluster_group, which only records of shared clusters have: the collapse's per-query state is
            // sized by the real clusters, not by one key per record (docs/benchmarks.md)
            s.addFilterQuery("{!collapse field=cluster_group nullPolicy=expand}");
            s.set("expand", true);
            s.set("expand.rows", 10);
        }
        s.setFacet(true);
        s.setFacetMinCount(1);
        s.setFacetLimit(20);
        for (Map.Entry<String, String> f : SearchQuery.FACETS.entrySet()) {
            if (q.counts(f.getKey())) {
                s.addFacetField("{!ex=f_" + f.getKey() + " key=" + f.getKey() + "}" + f.getValue());
            }
        }
        if (q.counts(SearchQuery.YEARS)) {
            // a field facet on the indexed decade: one pass over doc values (a range facet ran a query per decade;
            // measured in docs/benchmarks.md)
            s.addFacetField("{!ex=f_year key=" + SearchQuery.YEARS + "}decade");
            s.set("f.decade.facet.limit", -1);
        }
        s.setHighlight(true);
        s.set("hl.method", "unified");
        s.set("hl.fl", "title,creator");
        s.setHighlightSimplePre("<em>");
        s.setHighlightSimplePost("</em>");
        s.setRows(q.size());
        switch (q.sort()) {
            case DATE_ASC -> s.addSort("year", SolrQuery.ORDER.asc);
            case DATE_DESC -> s.addSort("year", SolrQuery.ORDER.desc);
            case TITLE -> s.addSort("title_sort", SolrQuery.ORDER.asc);
            default -> s.addSort("score", SolrQuery.ORDER.desc);
        }
        s.addSort("id", SolrQuery.ORDER.asc);
        if (q.cursor() != null) {
            s.set(CursorMarkParams.CURSOR_MARK_PARAM, q.cursor().isBlank() ? CursorMarkParams.CURSOR_MARK_START : q.cursor());
        } else {
            s.setStart(Math.min(SearchQuery.MAX_START, (q.page() - 1) * q.size()));
        }
        s.setFields("id", "record_id", "provider", "title_display", "creator", "date_display", "year", "material_type",
                "reuse", "access_tier", "has_digital", "thumbnail", "cluster_key", "cluster_group", "score");
        QueryResponse r = send(s);
        String didYouMean = r.getResults().getNumFound() == 0 ? didYouMean(s.getQuery()) : null;
        return toResult(r, didYouMean);
    }

    /**
     * The search's filters as tagged filter queries (a facet's own filter is excluded from its counts);
     * values are quoted and escaped, so they are only ever values.
     */
    static void addFilters(SolrQuery s, SearchQuery q) {
        for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
            if (f.getValue().isEmpty()) {
                continue;
            }
            String field = SearchQuery.FACETS.get(f.getKey());
            String values = f.getValue().stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(" OR "));
            s.addFilterQuery("{!tag=f_" + f.getKey() + "}" + field + ":(" + values + ")");
        }
        if (q.yearFrom() != null || q.yearTo() != null) {
            s.addFilterQuery("{!tag=f_year}year:[" + (q.yearFrom() == null ? "*" : q.yearFrom()) + " TO "
                    + (q.yearTo() == null ? "*" : q.yearTo()) + "]");
        }
    }

    private QueryResponse send(SolrQuery s) {
        try {
            return backend.client().query(backend.collection(), s, org.apache.solr.client.solrj.SolrRequest.METHOD.POST);
        } catch (SolrServerException | IOException | org.apache.solr.common.SolrException e) {
            throw new SearchException("search failed: " + e.getMessage(), e);
        }
    }

    /**
     * A corrected query that finds something, asked only when a search found nothing (so that the
     * spellchecker's collation queries never slow down searches that have results).
     */
    private String didYouMean(String query) {
        if (query == null || query.isBlank() || "*:*".equals(query)) {
            return null;
        }
        SolrQuery s = new SolrQuery(query);
        s.setRows(0);
        s.set("spellcheck", true);
        s.set("spellcheck.collate", true);
        s.set("spellcheck.maxCollationTries", 3);
        s.set("spellcheck.collateExtendedResults", false);
        QueryResponse r = send(s);
        return r.getSpellCheckResponse() == null ? null : r.getSpellCheckResponse().getCollatedResult();
    }

    private static SearchResult toResult(QueryResponse r, String didYouMean) {
        Map<String, SolrDocumentList> expanded = r.getExpandedResults() == null ? Map.of() : r.getExpandedResults();
        Map<String, Map<String, List<String>>> hl = r.getHighlighting() == null ? Map.of() : r.getHighlighting();
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            String key = (String) d.getFieldValue("cluster_key");
            String group = (String) d.getFieldValue("cluster_group");
            SolrDocumentList more = group == null ? null : expanded.get(group);
            List<SearchResult.Other> others = more == null ? List.of() : more.stream()
                    .map(o -> new SearchResult.Other((String) o.getFieldValue("id"), (String) o.getFieldValue("record_id"),
                            (String) o.getFieldValue("provider"), (String) o.getFieldValue("title_display"))).toList();
            long size = 1 + (more == null ? 0 : more.getNumFound());
            String id = (String) d.getFieldValue("id");
            hits.add(new SearchResult.Hit(id, (String) d.getFieldValue("record_id"), (String) d.getFieldValue("provider"),
                    (String) d.getFieldValue("title_display"), strings(d.getFieldValues("creator")),
                    (String) d.getFieldValue("date_display"), (Integer) d.getFieldValue("year"),
                    (String) d.getFieldValue("material_type"), (String) d.getFieldValue("reuse"),
                    (String) d.getFieldValue("access_tier"), Boolean.TRUE.equals(d.getFieldValue("has_digital")),
                    (String) d.getFieldValue("thumbnail"), key, size, others, hl.getOrDefault(id, Map.of())));
        }
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        List<SearchResult.FacetValue> years = new ArrayList<>();
        if (r.getFacetFields() != null) {
            for (FacetField f : r.getFacetFields()) {
                List<SearchResult.FacetValue> values = f.getValues().stream()
                        .map(c -> new SearchResult.FacetValue(c.getName(), c.getCount())).toList();
                if (SearchQuery.YEARS.equals(f.getName())) {
                    values.stream().filter(v -> v.count() > 0 && v.value().matches("-?\\d{1,5}"))
                            .sorted(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.value())))
                            .forEach(years::add);
                } else {
                    facets.put(f.getName(), values);
                }
            }
        }
        return new SearchResult(r.getResults().getNumFound(), hits, facets, years, r.getNextCursorMark(), didYouMean,
                r.getQTime());
    }

    private static List<String> strings(java.util.Collection<Object> values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }

    /**
     * Which of the given documents (ids as {@link RecordDocuments#docId}) the search matches: its query and
     * filters, without clusters; at most 1,000 ids at a time.
     */
    public java.util.Set<String> matching(SearchQuery q, java.util.Collection<String> docIds) {
        if (docIds.isEmpty()) {
            return java.util.Set.of();
        }
        if (docIds.size() > 1000) {
            throw new IllegalArgumentException("at most 1,000 ids at a time");
        }
        SolrQuery s = new SolrQuery(SolrQueryWriter.write(q.query()));
        addFilters(s, q);
        s.addFilterQuery("id:(" + docIds.stream().map(org.apache.solr.client.solrj.util.ClientUtils::escapeQueryChars)
                .collect(Collectors.joining(" OR ")) + ")");
        s.setFields("id");
        s.setRows(docIds.size());
        java.util.Set<String> out = new java.util.HashSet<>();
        send(s).getResults().forEach(d -> out.add((String) d.getFieldValue("id")));
        return out;
    }

    /**
     * The other records of a record's work cluster (other providers' descriptions of the same
     * manifestation), at most {@code limit}; empty when the record is not indexed or stands alone.
     */
    public List<SearchResult.Other> clusterOf(String providerId, String identifier, int limit) {
        String esc = org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(RecordDocuments.docId(providerId, identifier));
        SolrQuery own = new SolrQuery("id:" + esc);
        own.set("defType", "lucene");
        own.setFields("cluster_key");
        own.setRows(1);
        QueryResponse r = send(own);
        if (r.getResults().isEmpty() || r.getResults().get(0).getFieldValue("cluster_key") == null) {
            return List.of();
        }
        String key = (String) r.getResults().get(0).getFieldValue("cluster_key");
        SolrQuery others = new SolrQuery("cluster_key:" + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(key));
        others.set("defType", "lucene");
        others.addFilterQuery("-id:" + esc);
        others.setFields("id", "record_id", "provider", "title_display");
        others.setRows(Math.max(1, Math.min(100, limit)));
        others.addSort("id", SolrQuery.ORDER.asc);
        return send(others).getResults().stream().map(o -> new SearchResult.Other((String) o.getFieldValue("id"),
                (String) o.getFieldValue("record_id"), (String) o.getFieldValue("provider"),
                (String) o.getFieldValue("title_display"))).toList();
    }

    /** Titles and names that begin with {@code prefix}, for autocomplete (at most {@code limit}). */
    public List<String> suggest(String prefix, int limit) {
        String p = prefix == null ? "" : prefix.strip();
        if (p.isEmpty()) {
            return List.of();
        }
        SolrQuery s = new SolrQuery("suggest:" + org.apache.solr.client.solrj.util.ClientUtils.escapeQueryChars(
                p.length() > 30 ? p.substring(0, 30) : p));
        s.set("defType", "lucene");
        s.setRows(Math.max(1, Math.min(20, limit)) * 3);
        s.setFields("title_display", "creator");
        try {
            QueryResponse r = backend.client().query(backend.collection(), s);
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            String folded = RecordDocuments.fold(p);
            for (SolrDocument d : r.getResults()) {
                String t = (String) d.getFieldValue("title_display");
                if (t != null && RecordDocuments.fold(t).startsWith(folded)) {
                    out.add(t);
                }
                for (String c : strings(d.getFieldValues("creator"))) {
                    if (RecordDocuments.fold(c).startsWith(folded)) {
                        out.add(c);
                    }
                }
            }
            if (out.isEmpty()) {
                r.getResults().forEach(d -> out.add((String) d.getFieldValue("title_display")));
            }
            return out.stream().limit(limit).toList();
        } catch (SolrServerException | IOException e) {
            throw new SearchException("suggest failed: " + e.getMessage(), e);
        }
    }
}
