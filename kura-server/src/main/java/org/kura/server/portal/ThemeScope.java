package org.kura.server.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kura.search.SearchQuery;
import org.kura.search.query.KuraQueryParser;
import org.kura.search.query.QueryNode;
import org.kura.search.query.QuerySyntaxException;

/**
 * A search narrowed to a theme: the theme's query AND the reader's, and the theme's filters
 * intersected with the reader's (a reader can narrow within a theme, never leave it).
 */
public final class ThemeScope {
    /** A filter value that matches nothing: what an empty intersection becomes. */
    static final String NOTHING = "\u0000none";

    private ThemeScope() {
    }

    public static SearchQuery apply(Theme theme, SearchQuery q) {
        QueryNode themeQuery;
        try {
            themeQuery = new KuraQueryParser().parse(theme.query());
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("theme " + theme.id() + " has an invalid query: " + e.getMessage(), e);
        }
        QueryNode query = themeQuery instanceof QueryNode.All ? q.query()
                : q.query() instanceof QueryNode.All ? themeQuery : new QueryNode.And(List.of(themeQuery, q.query()));
        Map<String, List<String>> filters = new HashMap<>(q.filters());
        theme.filters().forEach((facet, values) -> {
            List<String> mine = filters.get(facet);
            if (mine == null || mine.isEmpty()) {
                filters.put(facet, values);
            } else {
                List<String> both = new ArrayList<>(mine);
                both.retainAll(values);
                filters.put(facet, both.isEmpty() ? List.of(NOTHING) : both);
            }
        });
        return new SearchQuery(query, filters, q.yearFrom(), q.yearTo(), q.sort(), q.page(), q.size(), q.cursor(), q.clusters(),
                q.facets());
    }
}
