package org.kura.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;

/**
 * For {@link TransactionLogReplayTest}: adds documents to an embedded index without committing them, says
 * so, and waits to be killed — a server stopped between an indexing batch and its commit.
 */
public final class UncommittedChild {
    private UncommittedChild() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(Path.of(args[0]), "kura")) {
            int n = Integer.parseInt(args[1]);
            for (int from = 0; from < n; from += 500) {
                List<SolrInputDocument> docs = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + 500); i++) {
                    docs.add(TransactionLogReplayTest.doc("left-" + i));
                }
                solr.add(docs);
            }
            System.out.println("ADDED");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
