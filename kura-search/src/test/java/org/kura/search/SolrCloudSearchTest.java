package org.kura.search;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogStore;

/** The same contract on a real SolrCloud: two Solr nodes, a collection of two shards, in process. */
class SolrCloudSearchTest extends SearchContract {
    private static MiniSolrCloudCluster cluster;
    private static Path clusterDir;

    @TempDir
    Path dir;
    CatalogStore store;
    SolrCloudBackend backend;
    static int collectionNumber;

    @BeforeAll
    static void startCluster() throws Exception {
        clusterDir = Files.createTempDirectory("kura-solrcloud");
        cluster = new MiniSolrCloudCluster.Builder(2, clusterDir).build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            try {
                cluster.deleteAllCollections(); // unload the cores while the cluster is whole, as Solr's own tests do
            } finally {
                cluster.shutdown();
            }
        }
    }

    @BeforeEach
    void open() throws Exception {
        store = newCatalog(dir.resolve("catalog"));
        load(store, corpus());
        backend = new SolrCloudBackend(cluster.getZkServer().getZkAddress(), "kura" + (++collectionNumber), 2, 1);
        new Indexer(store, backend).catchUp();
    }

    @AfterEach
    void close() throws Exception {
        backend.close();
        store.close();
    }

    @Override
    protected SearchBackend backend() {
        return backend;
    }

    @Override
    protected CatalogStore catalog() {
        return store;
    }
}
