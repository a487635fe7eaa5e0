package org.kura.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Role;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.search.query.KuraQueryParser;

/**
 * {@code kura bench relevance}: the judged query set ({@code relevance/queries.tsv}) over the fixture
 * corpus ({@code relevance/corpus.tsv}), through the real catalog, indexer and searcher; reports
 * nDCG@10 (binary gains) and recall@10 per query class.
 */
public final class RelevanceBench {

    /** One judged query and what it scored. */
    public record QueryScore(String queryClass, String query, Set<String> relevant, List<String> top, double ndcg,
                             double recall) {
    }

    /** Averages of one class. */
    public record ClassScore(String queryClass, int queries, double ndcg, double recall) {
        public String markdownRow() {
            return String.format("| %s | %d | %.3f | %.3f |", queryClass, queries, ndcg, recall);
        }
    }

    public record Report(List<ClassScore> classes, List<QueryScore> queries) {
        public ClassScore of(String queryClass) {
            return classes.stream().filter(c -> c.queryClass().equals(queryClass)).findFirst().orElseThrow();
        }
    }

    public static final String HEADER = "| class | queries | nDCG@10 | recall@10 |\n|---|---:|---:|---:|";

    /** Runs in a scratch directory with its own embedded Solr (never the production index). */
    public Report run(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        try (CatalogStore store = CatalogStores.open(CatalogSettings.h2(workDir.resolve("catalog")))) {
            store.saveProvider(Provider.of("fixture", "評価用"));
            for (Record r : corpus()) {
                store.commit(new Page(0, "fixture", List.of(new Page.Accepted(new RawRecord("fixture", r.id(), "csv", null,
                        false, List.of(), r.mainTitle().getBytes(StandardCharsets.UTF_8)), r)), null));
            }
            try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(workDir.resolve("solr"), "relevance")) {
                new Indexer(store, solr).rebuild();
                return evaluate(new Searcher(solr));
            }
        }
    }

    Report evaluate(Searcher searcher) throws IOException {
        List<QueryScore> scores = new ArrayList<>();
        for (String[] q : lines("queries.tsv")) {
            Set<String> relevant = Set.of(q[2].split(","));
            SearchResult r = searcher.search(new SearchQuery(new KuraQueryParser().parse(q[1]), Map.of(), null, null,
                    SearchQuery.Sort.RELEVANCE, 1, 10, null, false));
            List<String> top = r.hits().stream().map(SearchResult.Hit::recordId).toList();
            scores.add(new QueryScore(q[0], q[1], relevant, top, ndcg(top, relevant), recall(top, relevant)));
        }
        Map<String, List<QueryScore>> byClass = new LinkedHashMap<>();
        scores.forEach(s -> byClass.computeIfAbsent(s.queryClass(), k -> new ArrayList<>()).add(s));
        List<ClassScore> classes = new ArrayList<>();
        byClass.forEach((c, list) -> classes.add(new ClassScore(c, list.size(),
                list.stream().mapToDouble(QueryScore::ndcg).average().orElse(0),
                list.stream().mapToDouble(QueryScore::recall).average().orElse(0))));
        classes.add(new ClassScore("all", scores.size(), scores.stream().mapToDouble(QueryScore::ndcg).average().orElse(0),
                scores.stream().mapToDouble(QueryScore::recall).average().orElse(0)));
        return new Report(classes, scores);
    }

    static double ndcg(List<String> top, Set<String> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, top.size()); i++) {
            if (relevant.contains(top.get(i))) {
                dcg += 1 / (Math.log(i + 2) / Math.log(2));
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(10, relevant.size()); i++) {
            ideal += 1 / (Math.log(i + 2) / Math.log(2));
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    static double recall(List<String> top, Set<String> relevant) {
        long found = top.stream().limit(10).filter(relevant::contains).count();
        return relevant.isEmpty() ? 0 : (double) found / Math.min(10, relevant.size());
    }

    /** The fixture corpus as records of the common model. */
    public static List<Record> corpus() throws IOException {
        List<Record> out = new ArrayList<>();
        for (String[] c : lines("corpus.tsv")) {
            int year = Integer.parseInt(c[6]);
            Record.Builder b = Record.builder(c[0], "fixture").materialType(MaterialType.BOOK)
                    .title(new Title(c[1], c[2].isEmpty() ? null : c[2], TitleType.MAIN, c[9].equals("eng") ? "en" : "ja"))
                    .agent(new Agent(c[3], c[4].isEmpty() ? null : c[4], Role.AUTHOR, List.of(), null,
                            c[5].isEmpty() ? List.of() : List.of(c[5])))
                    .date(new DateValue(c[6], LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DateType.ISSUED, false))
                    .language(c[9]);
            if (!c[7].isEmpty()) {
                b.identifier(Identifiers.normalize(IdentifierType.ISBN, c[7]));
            }
            if (!c[8].isEmpty()) {
                b.identifier(Identifiers.normalize(IdentifierType.DOI, c[8]));
            }
            out.add(b.build());
        }
        return out;
    }

    private static List<String[]> lines(String name) throws IOException {
        try (InputStream in = RelevanceBench.class.getResourceAsStream("/relevance/" + name);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", -1)).toList();
        }
    }
}
