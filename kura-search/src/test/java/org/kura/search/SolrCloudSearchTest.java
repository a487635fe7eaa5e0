package org.kura.search;

import static org.assertj.core.api.Assertions.assertThat;

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

    /** As {@link IndexConfigurationTest} for embedded Solr: the collection behind the alias carries its configset's digest. */
    @org.junit.jupiter.api.Test
    void aCollectionBuiltWithAnotherConfigurationSaysSoUntilItIsRebuilt() throws Exception {
        String zk = cluster.getZkServer().getZkAddress();
        String alias = backend.collection();
        assertThat(backend.builtWithOtherConfiguration()).as("a new collection is built with this configuration").isFalse();
        assertThat(backend.builtWith(backend.current())).isEqualTo(ConfigSet.digest());
        try (SolrCloudBackend again = new SolrCloudBackend(zk, alias, 2, 1)) {
            assertThat(again.builtWithOtherConfiguration()).as("reopened by the same Kura").isFalse();
        }

        org.apache.solr.common.cloud.CollectionProperties props = new org.apache.solr.common.cloud.CollectionProperties(
                org.apache.solr.common.cloud.ZkStateReader.from((org.apache.solr.client.solrj.impl.CloudSolrClient) backend.client())
                        .getZkClient());
        props.setCollectionProperty(backend.current(), SolrCloudBackend.BUILT_WITH, "an earlier configset");
        try (SolrCloudBackend upgraded = new SolrCloudBackend(zk, alias, 2, 1)) {
            assertThat(upgraded.builtWithOtherConfiguration()).isTrue();
            assertThat(upgraded.client().query(alias, new org.apache.solr.client.solrj.SolrQuery("*:*")).getResults().getNumFound())
                    .as("it still answers").isPositive();
            new Indexer(store, upgraded).rebuild();
            assertThat(upgraded.builtWithOtherConfiguration()).as("after the rebuild is swapped in").isFalse();
        }
        try (SolrCloudBackend again = new SolrCloudBackend(zk, alias, 2, 1)) {
            assertThat(again.builtWithOtherConfiguration()).as("the new collection carries its configset").isFalse();
            // a collection of a Kura from before the property existed counts as built with another configuration
            props.setCollectionProperty(again.current(), SolrCloudBackend.BUILT_WITH, null);
        }
        try (SolrCloudBackend old = new SolrCloudBackend(zk, alias, 2, 1)) {
            assertThat(old.builtWithOtherConfiguration()).isTrue();
        }
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
