package org.kura.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kura.ingest.pipeline.HarvestFixture.fastSettings;
import static org.kura.ingest.pipeline.HarvestFixture.register;
import static org.kura.ingest.pipeline.HarvestFixture.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.QuarantineEntry;
import org.kura.catalog.StoredRecord;
import org.kura.model.MaterialType;
import org.kura.model.ReuseCondition;
import org.kura.testkit.Faults;
import org.kura.testkit.OaiPmhTestServer;
import org.kura.testkit.RecordSet;
import org.kura.testkit.SyntheticCorpus;
import org.kura.testkit.TestRecord;

/** Harvests through a real OAI-PMH server on loopback into a real H2 catalog, including every fault. */
class HarvestServiceTest {
    @TempDir
    Path dir;
    CatalogStore store;
    OaiPmhTestServer server;
    final SyntheticCorpus corpus = new SyntheticCorpus(7);

    @BeforeEach
    void open() {
        store = HarvestFixture.catalog(dir);
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
        store.close();
    }

    HarvestRun harvest() throws InterruptedException {
        return service(store, fastSettings()).harvest("p", HarvestOptions.incremental(), ProgressListener.NONE);
    }

    void serve(RecordSet records, OaiPmhTestServer.Fault... faults) throws Exception {
        OaiPmhTestServer.Builder b = OaiPmhTestServer.builder(records).pageSize(100);
        for (OaiPmhTestServer.Fault f : faults) {
            b.fault(f);
        }
        server = b.start();
        register(store, server, "oai_dc", List.of());
    }

    @Test
    void harvestsEveryPageAndCountsReconcile() throws Exception {
        serve(corpus.records(250));
        List<Progress> progress = new ArrayList<>();
        HarvestRun run = service(store, fastSettings()).harvest("p", HarvestOptions.incremental(), progress::add);
        assertThat(run.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(run.harvested()).isEqualTo(250);
        assertThat(run.stored()).isEqualTo(250);
        assertThat(run.reconciles()).isTrue();
        assertThat(run.expectedTotal()).isEqualTo(250);
        assertThat(store.countRecords("p", false)).isEqualTo(250);
        assertThat(progress).hasSize(3).last().satisfies(p -> {
            assertThat(p.done()).isEqualTo(250);
            assertThat(p.expected()).isEqualTo(250);
        });
        SyntheticCorpus.Fields f = corpus.fields(42);
        StoredRecord r = store.record("p", f.identifier()).orElseThrow();
        assertThat(r.normalized().mainTitle()).isEqualTo(f.title());
        assertThat(r.normalized().materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(r.normalized().rights().condition()).isEqualTo(ReuseCondition.CC_BY);
        assertThat(store.history("p", f.identifier()).get(0).rawHash()).hasSize(64);
        assertThat(store.checkpoint("p")).isEmpty();
        assertThat(store.harvestedUntil("p")).isPresent();
        assertThat(server.maxConcurrentRequests()).isEqualTo(1);
        assertThat(server.requests()).allMatch(OaiPmhTestServer.RequestLog::gzip);
    }

    @Test
    void harvestingAgainChangesNothing() throws Exception {
        serve(corpus.records(150));
        harvest();
        long seq = store.lastChangeSeq();
        HarvestRun again = service(store, fastSettings()).harvest("p", new HarvestOptions(true, List.of()), ProgressListener.NONE);
        assertThat(again.unchanged()).isEqualTo(150);
        assertThat(again.stored()).isZero();
        assertThat(store.lastChangeSeq()).isEqualTo(seq);
    }

    @Test
    void incrementalHarvestAsksFromTheLastHarvestAndGetsOnlyChanges() throws Exception {
        Instant old = Instant.parse("2020-01-01T00:00:00Z");
        List<TestRecord> list = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            TestRecord t = corpus.record(i);
            list.add(new TestRecord(t.identifier(), old, t.sets(), false, t.metadata()));
        }
        RecordSet.Mutable records = RecordSet.of(list);
        serve(records);
        harvest();
        TestRecord changed = corpus.record(5);
        records.set(5, new TestRecord(changed.identifier(), Instant.now().plusSeconds(5), changed.sets(), false,
                Map.of("oai_dc", changed.metadata().get("oai_dc").replace("</dc:title>", " 改訂版</dc:title>"))));
        records.add(TestRecord.deleted(corpus.record(500).identifier(), Instant.now().plusSeconds(5)));
        HarvestRun second = harvest();
        assertThat(second.harvested()).isEqualTo(2);
        assertThat(second.stored()).isEqualTo(1);
        assertThat(second.deleted()).isEqualTo(1);
        assertThat(server.requests().stream().filter(r -> r.query().contains("ListRecords")).reduce((a, b) -> b)
                .orElseThrow().query()).contains("from=");
        assertThat(store.record("p", changed.identifier()).orElseThrow().normalized().mainTitle()).endsWith("改訂版");
    }

    @Test
    void harvestsOnlyTheProvidersSets() throws Exception {
        server = OaiPmhTestServer.builder(corpus.records(100)).pageSize(30).start();
        register(store, server, "oai_dc", List.of("articles"));
        HarvestRun run = harvest();
        assertThat(run.harvested()).isEqualTo(50);
        assertThat(run.detail()).contains("articles");
    }

    @Test
    void aRecordThatFailsTheCrosswalkIsQuarantinedAndTheRunGoesOn() throws Exception {
        List<TestRecord> list = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            list.add(corpus.record(i));
        }
        TestRecord bad = corpus.record(3);
        list.set(3, new TestRecord(bad.identifier(), bad.datestamp(), bad.sets(), false, Map.of("oai_dc",
                "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                        + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>無題</dc:creator></oai_dc:dc>")));
        serve(RecordSet.of(list));
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(run.stored()).isEqualTo(9);
        assertThat(run.quarantined()).isEqualTo(1);
        QuarantineEntry q = store.quarantine("p", 0, 10).get(0);
        assertThat(q.identifier()).isEqualTo(bad.identifier());
        assertThat(q.stage()).isEqualTo(QuarantineEntry.Stage.CROSSWALK);
        assertThat(q.reason()).contains("dc:title");
        assertThat(new String(q.bytes(), StandardCharsets.UTF_8)).contains("無題");
    }

    @Test
    void malformedPageIsQuarantinedAndEarlierPagesAreKept() throws Exception {
        serve(corpus.records(300), Faults.truncate(Faults.request(2)));
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(run.error()).contains("malformed");
        assertThat(run.reconciles()).isTrue();
        assertThat(store.countRecords("p", false)).isGreaterThanOrEqualTo(100);
        assertThat(store.quarantine("p", 0, 10)).anySatisfy(q -> {
            assertThat(q.stage()).isEqualTo(QuarantineEntry.Stage.PARSE);
            assertThat(q.reason()).contains("malformed");
            assertThat(q.bytes().length).isGreaterThan(1000);
        });
        // the checkpoint still points at page 2: the next harvest resumes there and completes
        assertThat(store.checkpoint("p")).isPresent();
        server.close();
        serve(corpus.records(300));
        HarvestRun resumed = harvest();
        assertThat(resumed.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(store.countRecords("p", false)).isEqualTo(300);
    }

    @Test
    void externalEntitiesAndEntityBombsAreNeverResolved() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        serve(corpus.records(150), Faults.doctype(Faults.request(1), secret.toString()));
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(run.error()).contains("DOCTYPE");
        QuarantineEntry q = store.quarantine("p", 0, 10).get(0);
        assertThat(q.reason()).contains("DOCTYPE");
        assertThat(new String(q.bytes(), StandardCharsets.UTF_8)).doesNotContain("TOP-SECRET-CONTENT").contains("ENTITY");
        List<String> stored = new ArrayList<>();
        store.forEachRaw("p", r -> stored.add(new String(r.bytes(), StandardCharsets.UTF_8)));
        assertThat(stored).noneMatch(s -> s.contains("TOP-SECRET") || s.contains("lollol"));
    }

    @Test
    void aHugeResponseIsRefusedWithinTheLimit() throws Exception {
        serve(corpus.records(150), Faults.huge(Faults.request(2), 2L << 30));
        long before = Runtime.getRuntime().totalMemory();
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(run.error()).contains("larger than the limit");
        assertThat(store.countRecords("p", false)).isEqualTo(100);
        assertThat(Runtime.getRuntime().totalMemory() - before).isLessThan(512L << 20);
    }

    @Test
    void aProviderThatStallsIsRetriedAndTheHarvestCompletes() throws Exception {
        serve(corpus.records(250), Faults.stallMidBody(Faults.request(2), Duration.ofSeconds(5)));
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(run.harvested()).isEqualTo(250);
        assertThat(server.listRequests()).isEqualTo(4); // page 2 was asked twice
    }

    @Test
    void aProviderThatKeepsTimingOutFailsTheRunAndTheNextHarvestResumes() throws Exception {
        serve(corpus.records(250), Faults.delay(Faults.from(2), Duration.ofSeconds(4)));
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(run.error()).contains("giving up after 3 attempts");
        assertThat(store.countRecords("p", false)).isEqualTo(100);
        assertThat(store.checkpoint("p")).isPresent();
        server.close();
        serve(corpus.records(250));
        HarvestRun resumed = harvest();
        assertThat(resumed.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(resumed.harvested()).isEqualTo(150);
        assertThat(resumed.detail()).contains("resuming run " + run.id());
        assertThat(store.countRecords("p", false)).isEqualTo(250);
    }

    @Test
    void serverErrorsAndRetryAfterAreHonoured() throws Exception {
        serve(corpus.records(150), Faults.status(Faults.request(1), 503, 1), Faults.status(Faults.request(3), 500, null));
        long start = System.nanoTime();
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(run.harvested()).isEqualTo(150);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(server.requests()).extracting(OaiPmhTestServer.RequestLog::status).contains(503, 500);
    }

    @Test
    void aRepeatedResumptionTokenStopsTheLoop() throws Exception {
        serve(corpus.records(500), Faults.repeatToken(Faults.request(3)));
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(run.error()).contains("repeated resumption token");
        assertThat(run.reconciles()).isTrue();
        assertThat(store.countRecords("p", false)).isEqualTo(300);
    }

    @Test
    void aBadResumptionTokenFailsTheRunKeepsThePagesAndTheNextHarvestStartsOver() throws Exception {
        serve(corpus.records(300), Faults.badToken(Faults.request(2)));
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.FAILED);
        assertThat(run.error()).contains("badResumptionToken");
        assertThat(store.countRecords("p", false)).isEqualTo(100);
        assertThat(store.checkpoint("p")).isEmpty();
        server.close();
        serve(corpus.records(300));
        HarvestRun again = harvest();
        assertThat(again.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(again.unchanged()).isEqualTo(100);
        assertThat(again.stored()).isEqualTo(200);
    }

    @Test
    void recordsChangingDuringTheHarvestEndUpCurrent() throws Exception {
        List<TestRecord> list = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            list.add(corpus.record(i));
        }
        RecordSet.Mutable records = RecordSet.of(list);
        serve(records);
        TestRecord first = corpus.record(0);
        HarvestRun run = service(store, fastSettings()).harvest("p", HarvestOptions.incremental(), p -> {
            if (p.done() == 100) { // after the first page: the provider edits a record already harvested
                records.set(0, new TestRecord(first.identifier(), Instant.now().plusSeconds(2), first.sets(), false,
                        Map.of("oai_dc", first.metadata().get("oai_dc").replace("</dc:title>", "（新版）</dc:title>"))));
            }
        });
        assertThat(run.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(run.harvested()).isEqualTo(250);
        HarvestRun next = harvest();
        assertThat(next.stored()).isEqualTo(1);
        assertThat(store.record("p", first.identifier()).orElseThrow().normalized().mainTitle()).endsWith("（新版）");
    }

    @Test
    void duplicateIdentifiersAreStoredOnceAndCounted() throws Exception {
        List<TestRecord> list = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            list.add(corpus.record(i % 100));
        }
        serve(RecordSet.of(list));
        HarvestRun run = harvest();
        assertThat(run.harvested()).isEqualTo(150);
        assertThat(run.stored()).isEqualTo(100);
        assertThat(run.unchanged()).isEqualTo(50);
        assertThat(run.reconciles()).isTrue();
        assertThat(store.countRecords("p", false)).isEqualTo(100);
    }

    @Test
    void deletedRecordsBecomeTombstones() throws Exception {
        List<TestRecord> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(corpus.record(i));
        }
        list.add(TestRecord.deleted("oai:kura.example:gone", Instant.parse("2021-01-01T00:00:00Z")));
        serve(RecordSet.of(list));
        HarvestRun run = harvest();
        assertThat(run.deleted()).isEqualTo(1);
        assertThat(store.record("p", "oai:kura.example:gone").orElseThrow().deleted()).isTrue();
    }

    @Test
    void dcndlRecordsAreHarvestedWithTheirReadings() throws Exception {
        server = OaiPmhTestServer.builder(corpus.records(20)).pageSize(10).start();
        register(store, server, "dcndl", List.of());
        HarvestRun run = harvest();
        assertThat(run.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(run.stored()).isEqualTo(20);
        SyntheticCorpus.Fields f = corpus.fields(3);
        StoredRecord r = store.record("p", f.identifier()).orElseThrow();
        assertThat(r.normalized().mainTitle()).isEqualTo(f.title());
        assertThat(r.normalized().titles().get(0).reading()).isEqualTo(f.titleReading());
    }
}
