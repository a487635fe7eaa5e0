package org.kura.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded index remembers which configset it was built with: reopened by a Kura whose search
 * configuration changed, it still answers but says it is outdated until a full rebuild is swapped in.
 */
class IndexConfigurationTest {
    @TempDir
    Path dir;

    static SolrInputDocument doc(String id) {
        SolrInputDocument d = new SolrInputDocument();
        d.addField("id", id);
        d.addField("title", "國學の本義");
        return d;
    }

    /** The marker file of the core's folder, wherever a rebuild has moved the core. */
    Path marker() throws Exception {
        try (var walk = Files.walk(dir.resolve("solr"), 2)) {
            return walk.filter(p -> p.getFileName().toString().equals("built-with-configset.sha256")).findFirst().orElseThrow();
        }
    }

    @Test
    void anIndexBuiltWithAnotherConfigurationSaysSoUntilItIsRebuilt() throws Exception {
        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "records")) {
            assertThat(solr.builtWithOtherConfiguration()).as("a new index is built with this configuration").isFalse();
            solr.add(List.of(doc("a"), doc("b")));
            solr.commit();
        }
        assertThat(Files.readString(marker()).strip()).isEqualTo(ConfigSet.digest());
        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "records")) {
            assertThat(solr.builtWithOtherConfiguration()).as("reopened by the same Kura").isFalse();
        }

        Files.writeString(marker(), "an earlier configset\n");
        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "records")) {
            assertThat(solr.builtWithOtherConfiguration()).isTrue();
            assertThat(solr.client().query(solr.collection(), new org.apache.solr.client.solrj.SolrQuery("国学")).getResults()
                    .getNumFound()).as("it still answers").isEqualTo(2);
            try (Indexer.Rebuild rebuild = solr.startRebuild()) {
                rebuild.add(List.of(doc("a"), doc("b")));
                rebuild.swapIn();
            }
            assertThat(solr.builtWithOtherConfiguration()).as("after the rebuild is swapped in").isFalse();
        }
        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "records")) {
            assertThat(solr.builtWithOtherConfiguration()).as("the rebuilt folder carries its configset").isFalse();
        }

        // an index from before the marker existed counts as built with another configuration
        Files.delete(marker());
        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "records")) {
            assertThat(solr.builtWithOtherConfiguration()).isTrue();
        }
    }

    @Test
    void anEmptyIndexIsSimplyTakenOver() throws Exception {
        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "records")) {
            assertThat(solr.builtWithOtherConfiguration()).isFalse();
        }
        Files.writeString(marker(), "an earlier configset\n");
        try (EmbeddedSolrBackend solr = new EmbeddedSolrBackend(dir.resolve("solr"), "records")) {
            assertThat(solr.builtWithOtherConfiguration()).as("nothing in it was analysed differently").isFalse();
        }
        assertThat(Files.readString(marker()).strip()).isEqualTo(ConfigSet.digest());
    }
}
