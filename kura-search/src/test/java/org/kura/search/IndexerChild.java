package org.kura.search;

import java.nio.file.Path;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;

/**
 * The indexer in its own JVM, for {@link KillDuringIndexingTest}: commits every 500 changes, prints
 * the saved position after every batch and slows down so that the test can SIGKILL it in the middle.
 */
public final class IndexerChild {
    private IndexerChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (CatalogStore store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
             EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "kura")) {
            new Indexer(store, solr, 2, 500).catchUp(n -> {
                System.out.println("SAVED " + store.indexPosition(Indexer.POSITION));
                System.out.flush();
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        System.out.println("DONE");
    }
}
