package org.kura.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.PostgresTestServer;
import org.kura.ingest.Fixtures;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.ingest.source.RecordSources;
import org.kura.model.Provider;
import org.kura.testkit.Faults;
import org.kura.testkit.OaiPmhTestServer;
import org.kura.testkit.SyntheticCorpus;

/** Harvesting and importing end to end on PostgreSQL, the production catalog (same code as on H2). */
class PostgresHarvestTest {
    private static PostgresTestServer pg;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresTestServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void harvestWithAFaultThenResumeAndImportOnPostgres() throws Exception {
        pg.reset();
        try (CatalogStore store = CatalogStores.open(pg.settings());
             OaiPmhTestServer broken = OaiPmhTestServer.builder(new SyntheticCorpus(9).records(300)).pageSize(100)
                     .fault(Faults.truncate(Faults.request(2))).start()) {
            store.saveProvider(Provider.of("p", "提供者").withOai(broken.baseUrl().toString(), "dcndl", List.of()));
            HarvestRun failed = HarvestFixture.service(store, HarvestFixture.fastSettings())
                    .harvest("p", HarvestOptions.incremental(), ProgressListener.NONE);
            assertThat(failed.state()).isEqualTo(HarvestRun.State.FAILED);
            assertThat(failed.reconciles()).isTrue();
            try (OaiPmhTestServer good = OaiPmhTestServer.builder(new SyntheticCorpus(9).records(300)).pageSize(100).start()) {
                store.saveProvider(Provider.of("p", "提供者").withOai(good.baseUrl().toString(), "dcndl", List.of()));
                HarvestRun resumed = HarvestFixture.service(store, HarvestFixture.fastSettings())
                        .harvest("p", HarvestOptions.incremental(), ProgressListener.NONE);
                assertThat(resumed.state()).isEqualTo(HarvestRun.State.COMPLETED);
            }
            assertThat(store.countRecords("p", false)).isEqualTo(300);
            assertThat(store.countQuarantine("p")).isEqualTo(1);

            store.saveProvider(Provider.of("lib", "図書館"));
            ImportService imports = new ImportService(store, new StandardCrosswalks(), 100);
            HarvestRun marc = imports.importFrom("lib", "marc21",
                    RecordSources.open(Fixtures.shared("marc/chabon.mrc"), "marc21", "lib", null), "chabon.mrc",
                    ProgressListener.NONE);
            assertThat(marc.state()).isEqualTo(HarvestRun.State.COMPLETED);
            assertThat(marc.reconciles()).isTrue();
            HarvestRun again = imports.recrosswalk("lib", ProgressListener.NONE);
            assertThat(again.stored()).isZero();
        }
    }
}
