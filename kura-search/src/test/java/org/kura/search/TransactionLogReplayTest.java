package org.kura.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed between adding documents and committing them leaves Solr's transaction log, which Solr
 * replays in the background when the index is next opened, ignoring commits meanwhile. Found by
 * {@link KillDuringIndexingTest} failing once in CI: the indexer's commit after a restart was ignored and
 * its position saved for documents that were not in the index.
 */
class TransactionLogReplayTest {
    private static final int LEFT = 4000;

    @TempDir
    Path dir;

    static SolrInputDocument doc(String id) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField("id", id);
        d.addField("title", "震災の記録 " + id);
        return d;
    }

    @Test
    void anIndexOpensOnlyOnceItsLogIsReplayedSoThatItsCommitsCount() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UncommittedChild.class.getName(), dir.resolve("solr").toString(),
                Integer.toString(LEFT)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ADDED")) {
                // the child's log
            }
            assertThat(line).as("the child added its documents").isEqualTo("ADDED");
        } finally {
            child.destroyForcibly(); // SIGKILL: no commit on close
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "kura")) {
            solr.add(List.of(doc("after-1"), doc("after-2")));
            solr.commit();
            assertThat(count(solr, "id:after-*")).as("a commit right after opening takes effect").isEqualTo(2);
            assertThat(count(solr, "id:left-*")).as("the replayed documents").isEqualTo(LEFT);
        }
    }

    private static long count(EmbeddedSolrBackend solr, String q) throws Exception {
        SolrQuery query = new SolrQuery(q);
        query.set("defType", "lucene");
        query.setRows(0);
        return solr.client().query(solr.collection(), query).getResults().getNumFound();
    }
}
