package org.kura.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Page;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.MaterialType;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Title;
import org.kura.model.TitleType;

/**
 * {@code kill -9} of the indexer in the middle of a catch-up, then a restart: nothing committed is
 * lost, the second pass resumes from the saved position (it does not start over), every record ends up
 * in the index exactly once, and a deletion made meanwhile is honoured.
 */
class KillDuringIndexingTest {
    private static final int RECORDS = 6000;

    @TempDir
    Path dir;

    @Test
    void resumesAfterSigkillAndEndsWithEveryRecordOnce() throws Exception {
        try (CatalogStore store = SearchContract.newCatalog(dir.resolve("catalog"))) {
            for (int from = 0; from < RECORDS; from += 500) {
                List<Page.Entry> page = new ArrayList<>();
                for (int i = from; i < from + 500; i++) {
                    Record r = Record.builder("rec-" + i, "lib").materialType(MaterialType.BOOK)
                            .title(new Title("震災の記録 第" + i + "巻", null, TitleType.MAIN, "ja"))
                            .date(new DateValue("1923", LocalDate.of(1923, 1, 1), LocalDate.of(1923, 12, 31),
                                    DateType.ISSUED, false)).build();
                    page.add(new Page.Accepted(new RawRecord("lib", r.id(), "csv", null, false, List.of(),
                            r.mainTitle().getBytes(StandardCharsets.UTF_8)), r));
                }
                store.commit(new Page(0, "lib", page, null));
            }
        }

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), IndexerChild.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        long savedAtKill = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SAVED ")) {
                    savedAtKill = Long.parseLong(line.substring(6).strip());
                    if (savedAtKill >= 2000) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit, no close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(savedAtKill).as("position saved before the kill").isBetween(2000L, (long) RECORDS - 1);

        try (CatalogStore store = SearchContract.newCatalog(dir.resolve("catalog"));
             EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "kura")) {
            long position = store.indexPosition(Indexer.POSITION);
            assertThat(position).isGreaterThanOrEqualTo(savedAtKill);
            assertThat(count(solr, "*:*")).as("everything committed before the kill is still searchable")
                    .isGreaterThanOrEqualTo(position).isLessThanOrEqualTo(RECORDS);

            store.commit(new Page(0, "lib", List.of(new Page.Deleted(new RawRecord("lib", "rec-1", "csv", null, true,
                    List.of(), new byte[0]))), null));
            long last = store.lastChangeSeq();
            Indexer.IndexReport resumed = new Indexer(store, solr).catchUp();
            assertThat(resumed.changes()).as("resumes from the saved position, not from the start")
                    .isEqualTo(last - position).isLessThan(RECORDS);
            assertThat(count(solr, "*:*")).isEqualTo(RECORDS - 1);
            assertThat(count(solr, "record_id:rec-1")).isZero();
            assertThat(count(solr, "record_id:rec-5999")).isEqualTo(1);
            assertThat(count(solr, "title:震災")).isEqualTo(RECORDS - 1);
        }
    }

    private static long count(EmbeddedSolrBackend solr, String q) throws Exception {
        SolrQuery query = new SolrQuery(q);
        query.set("defType", "lucene");
        query.setRows(0);
        return solr.client().query(solr.collection(), query).getResults().getNumFound();
    }
}
