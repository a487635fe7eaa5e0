package org.kura.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.testkit.OaiPmhTestServer;
import org.kura.testkit.SyntheticCorpus;

/**
 * {@code kill -9} during a harvest, then a restart: the next harvest resumes at the first page that
 * was not committed; every record is stored exactly once and the counts reconcile across both runs.
 */
class KillDuringHarvestTest {
    @TempDir
    Path dir;

    @Test
    void resumesAfterSigkillWithoutLosingOrDuplicatingAnything() throws Exception {
        SyntheticCorpus corpus = new SyntheticCorpus(11);
        try (OaiPmhTestServer server = OaiPmhTestServer.builder(corpus.records(1000)).pageSize(50).start()) {
            Path data = dir.resolve("catalog");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HarvestChild.class.getName(), data.toString(),
                    server.baseUrl().toString()).redirectErrorStream(true).start();
            int committed = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("PAGE ")) {
                        committed = Integer.parseInt(line.substring(5).strip());
                        if (committed >= 300) {
                            break;
                        }
                    }
                }
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(committed).as("pages committed before the kill").isBetween(300, 950);

            try (CatalogStore store = HarvestFixture.catalog(data)) {
                assertThat(store.markAbandonedRuns()).isEqualTo(1);
                assertThat(store.checkpoint("p")).isPresent();
                long before = store.countRecords("p", false);
                assertThat(before).as("every page reported committed survives SIGKILL").isGreaterThanOrEqualTo(committed).isLessThan(1000);

                HarvestRun resumed = HarvestFixture.service(store, HarvestFixture.fastSettings())
                        .harvest("p", HarvestOptions.incremental(), ProgressListener.NONE);
                assertThat(resumed.state()).isEqualTo(HarvestRun.State.COMPLETED);
                assertThat(resumed.detail()).contains("resuming run");

                List<HarvestRun> runs = store.runs("p", 10);
                assertThat(runs).hasSize(2);
                assertThat(runs.get(1).state()).isEqualTo(HarvestRun.State.INTERRUPTED);
                assertThat(store.countRecords("p", false)).isEqualTo(1000);
                assertThat(HarvestFixture.sum(runs, HarvestRun::stored)).isEqualTo(1000);
                assertThat(HarvestFixture.sum(runs, HarvestRun::unchanged)).isZero();
                assertThat(HarvestFixture.sum(runs, HarvestRun::harvested)).isEqualTo(1000);
                assertThat(runs).allMatch(HarvestRun::reconciles);
                assertThat(store.changesSince(0, 5000)).hasSize(1000);
                for (int i : new int[] {0, 299, 300, 650, 999}) {
                    assertThat(store.history("p", corpus.fields(i).identifier())).hasSize(1);
                }
            }
        }
    }
}
