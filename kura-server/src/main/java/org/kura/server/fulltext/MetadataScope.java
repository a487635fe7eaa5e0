package org.kura.server.fulltext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kura.search.SearchQuery;
import org.kura.search.SearchResult;
import org.kura.search.Searcher;
import org.kura.search.query.KuraQueryParser;

/**
 * The records a metadata query finds, best first (at most {@link #MAX}), as {@code provider:identifier}:
 * what full-text search is narrowed to when it is combined with a search of the records.
 */
public final class MetadataScope implements TextRoutes.RecordScope {
    public static final int MAX = 500;
    private final Searcher searcher;

    public MetadataScope(Searcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public List<String> recordIds(String metadataQuery) {
        List<String> out = new ArrayList<>();
        var node = new KuraQueryParser().parse(metadataQuery);
        for (int page = 1; out.size() < MAX; page++) {
            SearchResult r = searcher.search(new SearchQuery(node, Map.of(), null, null, SearchQuery.Sort.RELEVANCE, page,
                    SearchQuery.MAX_SIZE, null, false, List.of()));
            r.hits().forEach(h -> out.add(h.provider() + ":" + h.recordId()));
            if (r.hits().size() < SearchQuery.MAX_SIZE || (long) page * SearchQuery.MAX_SIZE >= r.total()) {
                break;
            }
        }
        return out.size() > MAX ? out.subList(0, MAX) : out;
    }
}
