package org.kura.cli.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kura.cli.Wiring;
import org.kura.search.SearchQuery;
import org.kura.search.SearchResult;
import org.kura.search.Searcher;
import org.kura.search.query.CqlParser;
import org.kura.search.query.KuraQueryParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the index. Syntax: words (AND), \"phrases\", OR, -word, title: creator: subject: "
                + "publisher: isbn: issn: doi: ndc: year:1900-1950.", "Example: kura search '国学 year:1900-1950'"})
public final class SearchCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "QUERY", arity = "0..1", defaultValue = "") String query;
    @Option(names = "--cql", description = "The query is CQL (as for SRU), e.g. dc.title = \"こころ\".") boolean cql;
    @Option(names = "--filter", paramLabel = "FACET=VALUE", description = "e.g. provider=ndl, type=BOOK (repeatable).")
    List<String> filters;
    @Option(names = "--sort", defaultValue = "RELEVANCE", description = "RELEVANCE, DATE_ASC, DATE_DESC, TITLE") SearchQuery.Sort sort;
    @Option(names = "--size", defaultValue = "10") int size;
    @Option(names = "--page", defaultValue = "1") int page;
    @Option(names = "--json", description = "The whole result as JSON.") boolean json;

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> f = new LinkedHashMap<>();
        if (filters != null) {
            for (String x : filters) {
                int eq = x.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--filter takes FACET=VALUE: " + x);
                }
                f.computeIfAbsent(x.substring(0, eq), k -> new ArrayList<>()).add(x.substring(eq + 1));
            }
        }
        try (Wiring w = new Wiring(common.load())) {
            w.indexer().catchUp();
            SearchResult r = new Searcher(w.search()).search(new SearchQuery(
                    cql ? new CqlParser().parse(query) : new KuraQueryParser().parse(query), f, null, null, sort, page,
                    size, null, true));
            if (json) {
                System.out.println(Json.pretty(r));
                return 0;
            }
            System.out.println(r.total() + " result(s)" + (r.didYouMean() == null ? "" : "; did you mean: " + r.didYouMean()));
            int n = (page - 1) * size;
            for (SearchResult.Hit h : r.hits()) {
                System.out.printf("%3d. %s%s%n     %s%s  [%s %s]  %s%n", ++n, h.title(),
                        h.clusterSize() > 1 ? "  (held by " + h.clusterSize() + " providers)" : "",
                        String.join("; ", h.creators()), h.date() == null ? "" : "  " + h.date(), h.provider(),
                        h.materialType(), h.recordId());
            }
            r.facets().forEach((name, values) -> {
                if (!values.isEmpty()) {
                    System.out.println(name + ": " + values.stream().limit(8).map(v -> v.value() + " (" + v.count() + ")")
                            .reduce((a, b) -> a + ", " + b).orElse(""));
                }
            });
        }
        return 0;
    }
}
