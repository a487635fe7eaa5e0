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

    /** Records fetched beyond a page's needs, so that members of a page's clusters rarely force a second fetch. */
    private static final int SLACK = 5;
    /** Other records listed per cluster (its size is counted in full). */
    private static final int OTHERS = 10;
    private static final String[] HIT_FIELDS = {"id", "record_id", "provider", "title_display", "creator", "date_display", "year",
            "material_type", "reuse", "access_tier", "has_digital", "thumbnail", "cluster_key", "cluster_group", "score"};

    /**
     * Runs the search. With work clusters on a page of results, the records are fetched in rank order
     * and clustered here (the best-ranked record of a cluster heads it, the others are named under it):
     * Solr's collapse is a post-filter that scores every match instead of the top few, which made it more
     * than half of a search's time at 1M records (docs/benchmarks.md). Deep paging by cursor still
     * collapses in Solr, because a cursor cannot remember which clusters earlier pages showed.
     */
    public SearchResult search(SearchQuery q) {
        return search(q, null);
    }

    /** The search narrowed to records with a point in {@code area} (null: no narrowing). */
    public SearchResult search(SearchQuery q, GeoBox area) {
        if (q.clusters() && q.cursor() == null) {
            return clustered(q, area);
        }
        SolrQuery s = base(q, area);
        addFacets(s, q);
        if (q.clusters()) {
            // on cluster_group, which only records of shared clusters have: the collapse's per-query state is
            // sized by the real clusters, not by one key per record (docs/benchmarks.md)
            s.addFilterQuery("{!collapse field=cluster_group nullPolicy=expand}");
            s.set("expand", true);
            s.set("expand.rows", OTHERS);
        }
        addHighlighting(s);
        s.setRows(q.size());
        if (q.cursor() != null) {
            s.set(CursorMarkParams.CURSOR_MARK_PARAM, q.cursor().isBlank() ? CursorMarkParams.CURSOR_MARK_START : q.cursor());
        } else {
            s.setStart(start(q));
        }
        s.setFields(HIT_FIELDS);
        QueryResponse r = send(s);
        String didYouMean = r.getResults().getNumFound() == 0 ? didYouMean(s.getQuery()) : null;
        Map<String, SolrDocumentList> expanded = r.getExpandedResults() == null ? Map.of() : r.getExpandedResults();
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (SolrDocument d : r.getResults()) {
            String group = (String) d.getFieldValue("cluster_group");
            SolrDocumentList more = group == null ? null : expanded.get(group);
            hits.add(hit(d, highlights(r, d), more == null ? List.of() : more.stream().map(Searcher::other).toList(),
                    1 + (more == null ? 0 : more.getNumFound())));
        }
        return new SearchResult(r.getResults().getNumFound(), hits, facets(r), years(r), r.getNextCursorMark(), didYouMean,
                r.getQTime(), mapped(r));
    }

    /**
     * A page of clustered results: the first {@code start + size} distinct clusters in rank order, from the
     * top records (fetched again with a larger window in the rare case that clusters fill it). The total
     * counts each cluster once: matching records, less those in shared clusters, plus those clusters
     * (counted per shard; a cluster's records share a shard because the collection is routed by cluster key).
     * Facets count records.
     */
    private SearchResult clustered(SearchQuery q, GeoBox area) {
        int start = start(q);
        int need = start + q.size();
        int rows = need + SLACK;
        SolrQuery first = base(q, area);
        addFacets(first, q);
        first.set("json.facet", "{grouped:{type:query,q:\"cluster_group:[* TO *]\",facet:{clusters:\"unique(cluster_group)\"}}}");
        boolean onePass = start == 0;
        if (onePass) {
            addHighlighting(first);
            first.setFields(HIT_FIELDS);
        } else {
            first.setFields("id", "cluster_group");
        }
        first.setRows(rows);
        QueryResponse r = send(first);
        long qtime = r.getQTime();
        long found = r.getResults().getNumFound();
        List<SolrDocument> heads = heads(r.getResults(), need);
        QueryResponse pageResponse = r; // the response the page's records (and their highlights) come from
        while (heads.size() < need && found > rows && rows < MAX_WINDOW) {
            rows = (int) Math.min(Math.min(found, MAX_WINDOW), rows * 2L);
            SolrQuery more = base(q, area);
            more.setFields(onePass ? HIT_FIELDS : new String[] {"id", "cluster_group"});
            if (onePass) {
                addHighlighting(more);
            }
            more.setRows(rows);
            QueryResponse m = send(more);
            qtime += m.getQTime();
            heads = heads(m.getResults(), need);
            pageResponse = m;
        }
        List<SolrDocument> page = heads.subList(Math.min(start, heads.size()), heads.size());
        if (!onePass && !page.isEmpty()) {
            pageResponse = byIds(q, area, page.stream().map(d -> (String) d.getFieldValue("id")).toList());
            qtime += pageResponse.getQTime();
            Map<String, SolrDocument> full = new java.util.HashMap<>();
            pageResponse.getResults().forEach(d -> full.put((String) d.getFieldValue("id"), d));
            page = page.stream().map(d -> full.getOrDefault((String) d.getFieldValue("id"), d)).toList();
        }
        Members members = members(q, area, page);
        qtime += members.qtime();
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (SolrDocument d : page) {
            String group = (String) d.getFieldValue("cluster_group");
            String id = (String) d.getFieldValue("id");
            List<SearchResult.Other> others = group == null ? List.of() : members.others().getOrDefault(group, List.of()).stream()
                    .filter(o -> !o.id().equals(id)).limit(OTHERS).toList();
            long size = group == null ? 1 : Math.max(1 + others.size(), members.sizes().getOrDefault(group, 1L));
            hits.add(hit(d, highlights(pageResponse, d), others, size));
        }
        long total = found;
        Object grouped = r.getResponse().findRecursive("facets", "grouped");
        if (grouped instanceof org.apache.solr.common.util.NamedList<?> g && g.get("count") instanceof Number inGroups) {
            Object clusters = g.get("clusters");
            total = found - inGroups.longValue() + (clusters instanceof Number n ? n.longValue() : 0);
        }
        String didYouMean = found == 0 ? didYouMean(first.getQuery()) : null;
        return new SearchResult(total, hits, facets(r), years(r), null, didYouMean, qtime, mapped(r));
    }

    /** The largest window of records fetched to fill a page with clusters (the deepest page, twice over). */
    private static final int MAX_WINDOW = 2 * (SearchQuery.MAX_START + SearchQuery.MAX_SIZE);

    /** The first record of each cluster (and every record without one), in rank order, at most {@code need}. */
    private static List<SolrDocument> heads(SolrDocumentList docs, int need) {
        List<SolrDocument> heads = new ArrayList<>();
        java.util.Set<String> groups = new java.util.HashSet<>();
        for (SolrDocument d : docs) {
            String group = (String) d.getFieldValue("cluster_group");
            if (group == null || groups.add(group)) {
                heads.add(d);
                if (heads.size() == need) {
                    break;
                }
            }
        }
        return heads;
    }

    /** A page's records by id, with their highlights for the search's query. */
    private QueryResponse byIds(SearchQuery q, GeoBox area, List<String> ids) {
        SolrQuery s = base(q, area);
        s.addFilterQuery("id:(" + ids.stream().map(Searcher::quoted).collect(Collectors.joining(" OR ")) + ")");
        addHighlighting(s);
        s.setFields(HIT_FIELDS);
        s.setRows(ids.size());
        return send(s);
    }

    /** The other matching records of the clusters on a page, and each cluster's size. */
    private record Members(Map<String, List<SearchResult.Other>> others, Map<String, Long> sizes, long qtime) {
    }

    private Members members(SearchQuery q, GeoBox area, List<SolrDocument> page) {
        List<String> groups = page.stream().map(d -> (String) d.getFieldValue("cluster_group")).filter(java.util.Objects::nonNull)
                .distinct().toList();
        if (groups.isEmpty()) {
            return new Members(Map.of(), Map.of(), 0);
        }
        SolrQuery s = base(q, area);
        s.clearSorts();
        s.addFilterQuery("cluster_group:(" + groups.stream().map(Searcher::quoted).collect(Collectors.joining(" OR ")) + ")");
        s.setFields("id", "record_id", "provider", "title_display", "cluster_group");
        s.setRows(Math.min(1000, groups.size() * (OTHERS + 1)));
        s.addSort("score", SolrQuery.ORDER.desc);
        s.addSort("id", SolrQuery.ORDER.asc);
        s.setFacet(true);
        s.addFacetField("cluster_group");
        s.setFacetLimit(-1);
        s.setFacetMinCount(1);
        QueryResponse r = send(s);
        Map<String, List<SearchResult.Other>> others = new java.util.HashMap<>();
        for (SolrDocument d : r.getResults()) {
            others.computeIfAbsent((String) d.getFieldValue("cluster_group"), g -> new ArrayList<>()).add(other(d));
        }
        Map<String, Long> sizes = new java.util.HashMap<>();
        FacetField f = r.getFacetField("cluster_group");
        if (f != null) {
            f.getValues().forEach(c -> sizes.put(c.getName(), c.getCount()));
        }
        return new Members(others, sizes, r.getQTime());
    }

    /** The query, its filters (and area) and the sort, shared by every request of one search. */
    static SolrQuery base(SearchQuery q, GeoBox area) {
        SolrQuery s = new SolrQuery(SolrQueryWriter.write(q.query()));
        addFilters(s, q);
        if (area != null) {
            s.addFilterQuery(area.filterQuery());
        }
        switch (q.sort()) {
            case DATE_ASC -> s.addSort("year", SolrQuery.ORDER.asc);
            case DATE_DESC -> s.addSort("year", SolrQuery.ORDER.desc);
            case TITLE -> s.addSort("title_sort", SolrQuery.ORDER.asc);
            default -> s.addSort("score", SolrQuery.ORDER.desc);
        }
        s.addSort("id", SolrQuery.ORDER.asc);
        return s;
    }

    private static int start(SearchQuery q) {
        return Math.min(SearchQuery.MAX_START, (q.page() - 1) * q.size());
    }

    private static void addFacets(SolrQuery s, SearchQuery q) {
        s.setFacet(true);
        s.setFacetMinCount(1);
        s.setFacetLimit(20);
        // how many of the results a map can show: one count in the same pass, not a query of its own
        s.addFacetQuery("{!key=" + MAPPED + "}has_geo:true");
        for (Map.Entry<String, String> f : SearchQuery.FACETS.entrySet()) {
            if (q.counts(f.getKey())) {
                s.addFacetField("{!ex=f_" + f.getKey() + " key=" + f.getKey() + method(f.getKey()) + "}" + f.getValue());
            }
        }
        if (q.counts(SearchQuery.YEARS)) {
            // a field facet on the indexed decade (a range facet ran a query per decade; docs/benchmarks.md)
            s.addFacetField("{!ex=f_year key=" + SearchQuery.YEARS + " facet.method=enum}decade");
            s.set("f.decade.facet.limit", -1);
        }
        // enum counts a value by intersecting its cached set of records with the results' (a few thousand words of
        // bits per value); the default walks every result's doc values, which for a common word is most of the index
        s.set("facet.enum.cache.minDf", ENUM_CACHE_MIN_DF);
    }

    /**
     * Facets with few values (types, languages, tiers, providers, decades, yes/no) are counted by value rather
     * than by record; subjects and NDC classes, with thousands of values, by record.
     */
    private static final java.util.Set<String> BY_VALUE = java.util.Set.of("provider", "type", "language", "access", "reuse",
            "digital", "fulltext");

    /** Values rarer than this are counted from their postings instead of a cached set of records. */
    private static final int ENUM_CACHE_MIN_DF = 1000;

    private static String method(String facet) {
        return BY_VALUE.contains(facet) ? " facet.method=enum" : "";
    }

    private static final String MAPPED = "mapped";

    private static long mapped(QueryResponse r) {
        Integer n = r.getFacetQuery() == null ? null : r.getFacetQuery().get(MAPPED);
        return n == null ? 0 : n;
    }

    private static void addHighlighting(SolrQuery s) {
        s.setHighlight(true);
        s.set("hl.method", "unified");
        s.set("hl.fl", "title,creator");
        // terms, not the query's per-field matches: a word found in the creator still marks the title's words
        // (with weight matches, "漱石 こころ" highlighted nothing)
        s.set("hl.weightMatches", false);
        s.setHighlightSimplePre("<em>");
        s.setHighlightSimplePost("</em>");
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The search's filters as tagged filter queries (a facet's own filter is excluded from its counts);
     * values are quoted and escaped, so they are only ever values.
     */
    private static void addFilters(SolrQuery s, SearchQuery q) {
        for (Map.Entry<String, List<String>> f : q.filters().entrySet()) {
            if (f.getValue().isEmpty()) {
                continue;
            }
            String field = SearchQuery.FACETS.get(f.getKey());
            String values = f.getValue().stream().map(Searcher::quoted).collect(Collectors.joining(" OR "));
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

    private static Map<String, List<String>> highlights(QueryResponse r, SolrDocument d) {
        Map<String, Map<String, List<String>>> hl = r.getHighlighting();
        return hl == null ? Map.of() : hl.getOrDefault((String) d.getFieldValue("id"), Map.of());
    }

    private static SearchResult.Other other(SolrDocument o) {
        return new SearchResult.Other((String) o.getFieldValue("id"), (String) o.getFieldValue("record_id"),
                (String) o.getFieldValue("provider"), (String) o.getFieldValue("title_display"));
    }

    private static SearchResult.Hit hit(SolrDocument d, Map<String, List<String>> highlights, List<SearchResult.Other> others, long size) {
        return new SearchResult.Hit((String) d.getFieldValue("id"), (String) d.getFieldValue("record_id"),
                (String) d.getFieldValue("provider"), (String) d.getFieldValue("title_display"), strings(d.getFieldValues("creator")),
                (String) d.getFieldValue("date_display"), (Integer) d.getFieldValue("year"),
                (String) d.getFieldValue("material_type"), (String) d.getFieldValue("reuse"),
                (String) d.getFieldValue("access_tier"), Boolean.TRUE.equals(d.getFieldValue("has_digital")),
                (String) d.getFieldValue("thumbnail"), (String) d.getFieldValue("cluster_key"), size, others, highlights);
    }

    private static Map<String, List<SearchResult.FacetValue>> facets(QueryResponse r) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        if (r.getFacetFields() != null) {
            for (FacetField f : r.getFacetFields()) {
                if (!SearchQuery.YEARS.equals(f.getName())) {
                    facets.put(f.getName(), f.getValues().stream().map(c -> new SearchResult.FacetValue(c.getName(), c.getCount())).toList());
                }
            }
        }
        return facets;
    }

    /** The decade histogram, oldest first. */
    private static List<SearchResult.FacetValue> years(QueryResponse r) {
        FacetField f = r.getFacetField(SearchQuery.YEARS);
        if (f == null) {
            return List.of();
        }
        return f.getValues().stream().filter(c -> c.getCount() > 0 && c.getName().matches("-?\\d{1,5}"))
                .map(c -> new SearchResult.FacetValue(c.getName(), c.getCount()))
                .sorted(java.util.Comparator.comparingInt(v -> Integer.parseInt(v.value()))).toList();
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
        return send(others).getResults().stream().map(Searcher::other).toList();
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
