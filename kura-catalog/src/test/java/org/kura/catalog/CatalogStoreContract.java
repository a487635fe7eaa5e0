package org.kura.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.Identifier;
import org.kura.model.IdentifierType;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Rights;
import org.kura.model.Role;
import org.kura.model.Title;
import org.kura.model.TitleType;

/**
 * The behaviour every {@link CatalogStore} backend must have; subclassed once per backend (H2,
 * PostgreSQL) so both run exactly the same checks.
 */
abstract class CatalogStoreContract {
    protected CatalogStore store;

    /** A fresh, empty, migrated store. */
    protected abstract CatalogStore openEmpty() throws Exception;

    /** A second store on the catalog {@link #openEmpty()} opened, as another process would open it. */
    protected abstract CatalogStore openAgain() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmpty();
        store.saveProvider(Provider.of("lib", "図書館"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static RawRecord raw(String id, String content) {
        return new RawRecord("lib", id, "oai_dc", Instant.parse("2024-01-02T03:04:05Z"), false, List.of("set:a"),
                ("<dc><title>" + content + "</title></dc>").getBytes(StandardCharsets.UTF_8));
    }

    static RawRecord deletion(String id) {
        return new RawRecord("lib", id, "oai_dc", Instant.parse("2024-02-01T00:00:00Z"), true, List.of(), new byte[0]);
    }

    static Record record(String id, String title) {
        return Record.builder(id, "lib").materialType(MaterialType.BOOK)
                .title(new Title(title, "コウコクガク", TitleType.MAIN, "ja"))
                .agent(new Agent("夏目, 漱石", "ナツメ, ソウセキ", Role.AUTHOR, List.of(), null))
                .date(new DateValue("昭和40年", java.time.LocalDate.of(1965, 1, 1), java.time.LocalDate.of(1965, 12, 31),
                        DateType.ISSUED, false))
                .identifier(new Identifier(IdentifierType.ISBN, "9784003101018", "4-00-310101-4", true))
                .rights(new Rights(ReuseCondition.CC_BY, "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"))
                .build();
    }

    static Page.Accepted accepted(String id, String title) {
        return new Page.Accepted(raw(id, title), record(id, title));
    }

    PageResult commit(long runId, Page.Entry... entries) {
        return store.commit(new Page(runId, "lib", List.of(entries), null));
    }

    @Test
    void storesNewRecordsAndReadsThemBackIntact() {
        PageResult r = commit(0, accepted("oai:x:1", "國學の研究"), accepted("oai:x:2", "吾輩は猫である"));
        assertThat(r).isEqualTo(new PageResult(2, 2, 0, 0, 0));
        StoredRecord s = store.record("lib", "oai:x:1").orElseThrow();
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.deleted()).isFalse();
        assertThat(s.normalized()).isEqualTo(record("oai:x:1", "國學の研究"));
        assertThat(s.datestamp()).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        assertThat(s.rawHash()).isEqualTo(PageWriter.sha256(raw("oai:x:1", "國學の研究").bytes()));
        assertThat(store.recordsByIdentifier("oai:x:2")).hasSize(1);
        assertThat(store.records("lib", List.of("oai:x:2", "oai:x:1", "nope"))).extracting(StoredRecord::identifier)
                .containsExactlyInAnyOrder("oai:x:1", "oai:x:2");
        assertThat(store.records("other", List.of("oai:x:1"))).isEmpty();
        assertThat(store.countRecords("lib", false)).isEqualTo(2);
    }

    @Test
    void sameContentAgainChangesNothing() {
        commit(0, accepted("oai:x:1", "a"));
        long seq = store.lastChangeSeq();
        PageResult again = commit(0, accepted("oai:x:1", "a"));
        assertThat(again).isEqualTo(new PageResult(1, 0, 1, 0, 0));
        assertThat(store.lastChangeSeq()).isEqualTo(seq);
        assertThat(store.history("lib", "oai:x:1")).hasSize(1);
    }

    @Test
    void changedContentMakesANewVersionAndOneChange() {
        commit(0, accepted("oai:x:1", "a"));
        long seq = store.lastChangeSeq();
        PageResult r = commit(0, accepted("oai:x:1", "b"));
        assertThat(r.stored()).isEqualTo(1);
        assertThat(store.record("lib", "oai:x:1").orElseThrow().version()).isEqualTo(2);
        List<Change> changes = store.changesSince(seq, 10);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Change.Kind.UPSERT);
            assertThat(c.version()).isEqualTo(2);
        });
        assertThat(store.history("lib", "oai:x:1")).extracting(StoredRecord::version).containsExactly(2, 1);
        assertThat(store.history("lib", "oai:x:1").get(1).normalized().mainTitle()).isEqualTo("a");
    }

    @Test
    void sameRawButDifferentNormalizedIsANewVersion() {
        commit(0, accepted("oai:x:1", "a"));
        PageResult r = commit(0, new Page.Accepted(raw("oai:x:1", "a"), record("oai:x:1", "a (recrosswalked)")));
        assertThat(r.stored()).isEqualTo(1);
    }

    @Test
    void deletionMakesATombstoneAndRepeatedDeletionIsUnchanged() {
        commit(0, accepted("oai:x:1", "a"));
        assertThat(commit(0, new Page.Deleted(deletion("oai:x:1")))).isEqualTo(new PageResult(1, 0, 0, 1, 0));
        StoredRecord s = store.record("lib", "oai:x:1").orElseThrow();
        assertThat(s.deleted()).isTrue();
        assertThat(s.normalized()).isNull();
        assertThat(s.version()).isEqualTo(2);
        assertThat(commit(0, new Page.Deleted(deletion("oai:x:1")))).isEqualTo(new PageResult(1, 0, 1, 0, 0));
        assertThat(store.changesSince(0, 10)).extracting(Change::kind).containsExactly(Change.Kind.UPSERT, Change.Kind.DELETE);
        assertThat(store.countRecords("lib", false)).isZero();
        assertThat(store.countRecords("lib", true)).isEqualTo(1);
    }

    @Test
    void deletionOfAnUnknownRecordIsKeptAsATombstone() {
        assertThat(commit(0, new Page.Deleted(deletion("oai:x:9"))).deleted()).isEqualTo(1);
        assertThat(store.record("lib", "oai:x:9").orElseThrow().deleted()).isTrue();
    }

    @Test
    void recordComesBackAfterDeletion() {
        commit(0, accepted("oai:x:1", "a"));
        commit(0, new Page.Deleted(deletion("oai:x:1")));
        assertThat(commit(0, accepted("oai:x:1", "a")).stored()).isEqualTo(1);
        StoredRecord s = store.record("lib", "oai:x:1").orElseThrow();
        assertThat(s.deleted()).isFalse();
        assertThat(s.version()).isEqualTo(3);
    }

    @Test
    void duplicatesInsideOnePageLaterWins() {
        PageResult r = commit(0, accepted("oai:x:1", "first"), accepted("oai:x:1", "first"), accepted("oai:x:1", "second"));
        assertThat(r).isEqualTo(new PageResult(3, 2, 1, 0, 0));
        StoredRecord s = store.record("lib", "oai:x:1").orElseThrow();
        assertThat(s.version()).isEqualTo(2);
        assertThat(s.normalized().mainTitle()).isEqualTo("second");
        assertThat(store.changesSince(0, 10)).hasSize(2);
    }

    @Test
    void rejectsGoToQuarantineWithBytesAndReason() {
        HarvestRun run = store.startRun("lib", HarvestRun.Kind.HARVEST, "test");
        byte[] bad = "<dc><title>unclosed".getBytes(StandardCharsets.UTF_8);
        PageResult r = commit(run.id(), accepted("oai:x:1", "a"),
                new Page.Rejected("oai:x:2", "oai_dc", bad, QuarantineEntry.Stage.PARSE, "XML not well-formed at line 1"));
        assertThat(r.quarantined()).isEqualTo(1);
        assertThat(store.countQuarantine("lib")).isEqualTo(1);
        QuarantineEntry q = store.quarantine("lib", 0, 10).get(0);
        assertThat(q.identifier()).isEqualTo("oai:x:2");
        assertThat(q.bytes()).isEqualTo(bad);
        assertThat(q.stage()).isEqualTo(QuarantineEntry.Stage.PARSE);
        assertThat(q.reason()).contains("not well-formed");
        assertThat(q.runId()).isEqualTo(run.id());
        assertThat(store.record("lib", "oai:x:2")).isEmpty();

        // one entry by its number; a retry's new reason; released once stored
        assertThat(store.quarantineEntry(q.id())).hasValueSatisfying(e -> assertThat(e.bytes()).isEqualTo(bad));
        store.requarantine(q.id(), QuarantineEntry.Stage.CROSSWALK, "still refused");
        assertThat(store.quarantineEntry(q.id())).hasValueSatisfying(e -> {
            assertThat(e.stage()).isEqualTo(QuarantineEntry.Stage.CROSSWALK);
            assertThat(e.reason()).isEqualTo("still refused");
            assertThat(e.bytes()).isEqualTo(bad);
        });
        assertThat(store.releaseQuarantine(q.id())).isTrue();
        assertThat(store.releaseQuarantine(q.id())).isFalse();
        assertThat(store.quarantineEntry(q.id())).isEmpty();
        assertThat(store.countQuarantine("lib")).isZero();
    }

    @Test
    void runCountsReconcileAcrossPages() {
        HarvestRun run = store.startRun("lib", HarvestRun.Kind.HARVEST, "full");
        commit(run.id(), accepted("a", "1"), accepted("b", "2"));
        commit(run.id(), accepted("a", "1"), accepted("b", "changed"), new Page.Deleted(deletion("c")),
                new Page.Rejected(null, "oai_dc", new byte[] {1}, QuarantineEntry.Stage.CROSSWALK, "no title"));
        store.finishRun(run.id(), HarvestRun.State.COMPLETED, null);
        HarvestRun done = store.run(run.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(done.endedAt()).isNotNull();
        assertThat(done.harvested()).isEqualTo(6);
        assertThat(done.stored()).isEqualTo(3);
        assertThat(done.unchanged()).isEqualTo(1);
        assertThat(done.deleted()).isEqualTo(1);
        assertThat(done.quarantined()).isEqualTo(1);
        assertThat(done.reconciles()).isTrue();
        assertThat(store.runs("lib", 10)).extracting(HarvestRun::id).containsExactly(run.id());
    }

    @Test
    void checkpointIsSavedWithThePageAndNotWithoutIt() {
        HarvestRun run = store.startRun("lib", HarvestRun.Kind.HARVEST, "full");
        Instant until = Instant.parse("2024-05-01T00:00:00Z");
        Checkpoint cp = new Checkpoint(run.id(), "token-2", null, until, "set:a", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        store.commit(new Page(run.id(), "lib", List.of(accepted("a", "1")), cp));
        assertThat(store.checkpoint("lib")).contains(cp);
        // a page that fails leaves neither its records nor its checkpoint behind
        Checkpoint next = new Checkpoint(run.id(), "token-3", null, until, "set:a", Instant.now());
        RawRecord foreign = new RawRecord("other", "z", "oai_dc", null, false, List.of(), new byte[] {1});
        assertThatThrownBy(() -> store.commit(new Page(run.id(), "lib",
                List.of(accepted("b", "2"), new Page.Accepted(foreign, record("z", "z"))), next)))
                .isInstanceOf(CatalogException.class);
        assertThat(store.checkpoint("lib")).contains(cp);
        assertThat(store.record("lib", "b")).isEmpty();
        assertThat(store.run(run.id()).orElseThrow().harvested()).isEqualTo(1);
        store.clearCheckpoint("lib");
        assertThat(store.checkpoint("lib")).isEmpty();
    }

    @Test
    void harvestedUntilIsRemembered() {
        assertThat(store.harvestedUntil("lib")).isEmpty();
        Instant t = Instant.parse("2024-03-04T05:06:07Z");
        store.setHarvestedUntil("lib", t);
        assertThat(store.harvestedUntil("lib")).contains(t);
        store.setHarvestedUntil("lib", t.plusSeconds(60));
        assertThat(store.harvestedUntil("lib")).contains(t.plusSeconds(60));
    }

    @Test
    void aHarvestDoesNotStartWhileALiveOneOfTheSameProviderRuns() throws Exception {
        HarvestRun first = store.startExclusiveRun("lib", HarvestRun.Kind.HARVEST, "full");
        try (CatalogStore other = openAgain()) {
            assertThatThrownBy(() -> other.startExclusiveRun("lib", HarvestRun.Kind.HARVEST, "incremental"))
                    .isInstanceOf(RunConflictException.class)
                    .hasMessageContaining("a harvest of lib is already running: run " + first.id());
            assertThat(other.startExclusiveRun("lib", HarvestRun.Kind.IMPORT, "file").state())
                    .as("another kind of run").isEqualTo(HarvestRun.State.RUNNING);
            assertThat(other.startExclusiveRun("lib2", HarvestRun.Kind.HARVEST, "full").state())
                    .as("another provider").isEqualTo(HarvestRun.State.RUNNING);
        }
        assertThatThrownBy(() -> store.startExclusiveRun("lib", HarvestRun.Kind.HARVEST, "again"))
                .isInstanceOf(RunConflictException.class).hasMessageContaining("in this process");
        store.finishRun(first.id(), HarvestRun.State.COMPLETED, null);

        long orphan;
        try (CatalogStore other = openAgain()) {
            orphan = other.startExclusiveRun("lib", HarvestRun.Kind.HARVEST, "incremental").id();
        } // closed without finishing, as a process that stopped
        HarvestRun next = store.startExclusiveRun("lib", HarvestRun.Kind.HARVEST, "after the stop");
        assertThat(next.state()).isEqualTo(HarvestRun.State.RUNNING);
        assertThat(store.run(orphan).orElseThrow().state()).as("the stopped process's run").isEqualTo(HarvestRun.State.INTERRUPTED);
    }

    @Test
    void onlyRunsWhoseStoreIsGoneAreMarkedInterrupted() throws Exception {
        HarvestRun live = store.startRun("lib", HarvestRun.Kind.HARVEST, "full");
        assertThat(store.markAbandonedRuns()).as("a run of this open store").isZero();
        long orphan;
        try (CatalogStore other = openAgain()) {
            // a second process on a shared catalog (a CLI command beside the server) leaves the live run alone
            assertThat(other.markAbandonedRuns()).isZero();
            orphan = other.startRun("lib", HarvestRun.Kind.IMPORT, "file").id();
        } // closed without finishing its run, as a process that stopped
        assertThat(store.markAbandonedRuns()).isEqualTo(1);
        HarvestRun r = store.run(orphan).orElseThrow();
        assertThat(r.state()).isEqualTo(HarvestRun.State.INTERRUPTED);
        assertThat(r.error()).contains("stopped");
        assertThat(store.run(live.id()).orElseThrow().state()).isEqualTo(HarvestRun.State.RUNNING);
        assertThat(store.markAbandonedRuns()).isZero();
    }

    @Test
    void changeLogIsMonotonicAndCompleteUnderConcurrentWriters() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    commit(0, accepted("t" + thread + "-" + i, "x"), accepted("t" + thread + "-" + i + "b", "y"));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        List<Change> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Change> batch = store.changesSince(after, 7);
            if (batch.isEmpty()) {
                break;
            }
            all.addAll(batch);
            after = batch.get(batch.size() - 1).seq();
        }
        assertThat(all).hasSize(80);
        assertThat(all).extracting(Change::seq).isSorted().doesNotHaveDuplicates();
        assertThat(store.lastChangeSeq()).isEqualTo(all.get(79).seq());
    }

    @Test
    void forEachRawStreamsTheCurrentRawOfLiveRecords() {
        commit(0, accepted("b", "old"), accepted("a", "1"), accepted("c", "3"));
        commit(0, accepted("b", "new"), new Page.Deleted(deletion("c")));
        List<RawRecord> seen = new ArrayList<>();
        store.forEachRaw("lib", seen::add);
        assertThat(seen).extracting(RawRecord::identifier).containsExactly("a", "b");
        assertThat(new String(seen.get(1).bytes(), StandardCharsets.UTF_8)).contains("new");
        assertThat(seen.get(1).sets()).containsExactly("set:a");
        assertThat(seen.get(1).metadataPrefix()).isEqualTo("oai_dc");
    }

    @Test
    void removeProviderDeletesEverythingAndLogsDeletions() {
        HarvestRun run = store.startRun("lib", HarvestRun.Kind.HARVEST, "x");
        commit(run.id(), accepted("a", "1"), accepted("b", "2"));
        commit(run.id(), new Page.Deleted(deletion("b")));
        long seq = store.lastChangeSeq();
        assertThat(store.removeProvider("lib")).isTrue();
        assertThat(store.provider("lib")).isEmpty();
        assertThat(store.record("lib", "a")).hasValueSatisfying(r -> {
            assertThat(r.deleted()).as("kept as a tombstone, so that OAI-PMH deletions are persistent").isTrue();
            assertThat(r.normalized()).isNull();
        });
        assertThat(store.history("lib", "a")).isEmpty();
        assertThat(store.countRecords("lib", false)).isZero();
        assertThat(store.runs("lib", 10)).isEmpty();
        assertThat(store.changesSince(seq, 10)).singleElement().satisfies(c -> {
            assertThat(c.identifier()).isEqualTo("a");
            assertThat(c.kind()).isEqualTo(Change.Kind.DELETE);
        });
        assertThat(store.removeProvider("lib")).isFalse();
    }

    @Test
    void recordsPageInDatestampOrderWithTombstonesAndChangesMovingToTheEnd() throws Exception {
        assertThat(store.earliestDatestamp()).isEmpty();
        commit(0, accepted("a", "1"), accepted("b", "2"), accepted("c", "3"));
        Thread.sleep(5);
        commit(0, accepted("d", "4"), accepted("e", "5"));
        assertThat(store.countByDatestamp(null, null, null)).isEqualTo(5);
        List<StoredRecord> first = store.recordsByDatestamp(null, null, null, null, 2);
        assertThat(first).extracting(StoredRecord::identifier).containsExactly("a", "b");
        // b changes and c is deleted while a client pages: c comes as a tombstone, b again at the end
        Thread.sleep(5);
        commit(0, accepted("b", "2 changed"));
        commit(0, new Page.Deleted(deletion("c")));
        List<StoredRecord> rest = store.recordsByDatestamp(null, null, null, CatalogStore.DatestampKey.of(first.get(1)), 10);
        assertThat(rest).extracting(StoredRecord::identifier).containsExactly("d", "e", "b", "c");
        assertThat(rest.get(3).deleted()).isTrue();
        assertThat(rest.get(2).normalized().mainTitle()).isEqualTo("2 changed");
        Instant dOrLater = rest.get(0).updatedAt();
        assertThat(store.recordsByDatestamp("lib", dOrLater, null, null, 10)).extracting(StoredRecord::identifier)
                .containsExactly("d", "e", "b", "c");
        assertThat(store.recordsByDatestamp("lib", null, dOrLater.minusNanos(1000), null, 10))
                .extracting(StoredRecord::identifier).containsExactly("a");
        assertThat(store.countByDatestamp("lib", dOrLater, null)).isEqualTo(4);
        assertThat(store.recordsByDatestamp("other", null, null, null, 10)).isEmpty();
        assertThat(store.earliestDatestamp()).contains(first.get(0).updatedAt());
    }

    @Test
    void apiKeysAreStoredByHashWithUniqueNames() {
        ApiKey key = new ApiKey("researcher", "a".repeat(64), 600, Instant.parse("2026-01-01T00:00:00Z"));
        store.saveApiKey(key);
        assertThat(store.apiKeyByHash("a".repeat(64))).contains(key);
        assertThat(store.apiKeyByHash("b".repeat(64))).isEmpty();
        assertThatThrownBy(() -> store.saveApiKey(new ApiKey("researcher", "c".repeat(64), 1, Instant.now())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exists");
        assertThat(store.apiKeys()).containsExactly(key);
        assertThat(store.removeApiKey("researcher")).isTrue();
        assertThat(store.removeApiKey("researcher")).isFalse();
        assertThat(store.apiKeys()).isEmpty();
    }

    @Test
    void itemsAreFoundByIdAndByRecord() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        ItemEntry a = new ItemEntry("item-a", "lib", "oai:x:1", org.kura.model.AccessTier.LIBRARY, "本", 12, t);
        store.saveItem(a);
        store.saveItem(new ItemEntry("item-b", "lib", "oai:x:1", org.kura.model.AccessTier.PUBLIC, null, 3, t));
        store.saveItem(new ItemEntry("item-c", null, null, org.kura.model.AccessTier.WITHHELD, null, 1, t));
        assertThat(store.item("item-a")).contains(a);
        assertThat(store.itemsOfRecord("lib", "oai:x:1")).extracting(ItemEntry::id).containsExactly("item-a", "item-b");
        assertThat(store.itemsOfRecord("other", "oai:x:1")).isEmpty();
        store.saveItem(new ItemEntry("item-a", "lib", "oai:x:1", org.kura.model.AccessTier.ONSITE, "本", 12, t));
        assertThat(store.item("item-a").orElseThrow().tier()).isEqualTo(org.kura.model.AccessTier.ONSITE);
        assertThat(store.items(0, 10)).hasSize(3);
        assertThat(store.items(2, 10)).extracting(ItemEntry::id).containsExactly("item-c");
    }

    @Test
    void usageCountsAddUpPerDayItemActionAndKind() {
        java.time.LocalDate d = java.time.LocalDate.parse("2026-12-01");
        store.addUsage(List.of(new UsageCount(d, "item-1", "MANIFEST", "ANONYMOUS", 3),
                new UsageCount(d, "item-1", "MANIFEST", "USER", 1)));
        store.addUsage(List.of(new UsageCount(d, "item-1", "MANIFEST", "ANONYMOUS", 2),
                new UsageCount(d.plusDays(1), "item-2", "DOWNLOAD", "STAFF", 1)));
        assertThat(store.usage(d, d)).containsExactly(new UsageCount(d, "item-1", "MANIFEST", "ANONYMOUS", 5),
                new UsageCount(d, "item-1", "MANIFEST", "USER", 1));
        assertThat(store.usage(d, d.plusDays(1))).hasSize(3);
        assertThat(store.usage(d.plusDays(2), d.plusDays(9))).isEmpty();
    }

    @Test
    void readersRoundTripWithTheirPasswordHashOnly() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        String hash = Passwords.hash("correct horse battery");
        Reader r = new Reader("hanako", "山田 花子", "JP", true, hash, false, t);
        store.saveReader(r);
        assertThat(store.reader("hanako")).contains(r);
        assertThat(Passwords.matches("correct horse battery", store.reader("hanako").orElseThrow().passwordHash())).isTrue();
        assertThat(Passwords.matches("wrong horse battery", hash)).isFalse();
        assertThat(Passwords.matches("correct horse battery", "pbkdf2-sha256$x$y$z")).isFalse();
        store.saveReader(new Reader("hanako", "山田 花子", "JP", false, hash, true, t));
        assertThat(store.reader("hanako").orElseThrow().disabled()).isTrue();
        store.saveReader(new Reader("taro", null, null, false, hash, false, t));
        assertThat(store.readers()).extracting(Reader::name).containsExactly("hanako", "taro");
        assertThat(store.removeReader("hanako")).isTrue();
        assertThat(store.removeReader("hanako")).isFalse();
        assertThat(store.reader("hanako")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Reader("Bad Name", null, null, false, hash, false, t))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Passwords.hash("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void institutionsTerminalsAndTheAuditLog() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Institution lib = new Institution("JP-1000001", "国立国会図書館", "JP", List.of("10.1.0.0/16", "2001:db8::/32"), null, t);
        store.saveInstitution(lib);
        assertThat(store.institutions()).containsExactly(lib);
        store.saveTerminal(new Terminal("room-1", "JP-1000001", "閲覧室 1", List.of("10.9.9.0/24"), t));
        assertThat(store.terminals()).singleElement().satisfies(x -> assertThat(x.ipRanges()).containsExactly("10.9.9.0/24"));
        store.audit(List.of(new AccessEvent(t, "INSTITUTION", "JP-1000001", "IMAGE", "item-1", "LIBRARY", "10.1.2.3"),
                new AccessEvent(t.plusSeconds(1), "STAFF", "admin", "DOWNLOAD", "item-2", "WITHHELD", "127.0.0.1")));
        assertThat(store.auditLog(10)).extracting(AccessEvent::itemId).containsExactly("item-2", "item-1");
        assertThat(store.removeInstitution("JP-1000001")).isTrue();
        assertThat(store.removeTerminal("room-1")).isTrue();
        assertThat(store.institutions()).isEmpty();
        assertThat(store.terminals()).isEmpty();
    }

    @Test
    void providersRoundTripWithAllFields() {
        Provider p = new Provider("ndl", "国立国会図書館", "National Diet Library", "JP-1000001",
                org.kura.model.ProviderKind.LIBRARY, "https://example.org/oai", "dcndl", List.of("iss-ndl-opac"), "P1D",
                ReuseCondition.CC_BY, ReuseCondition.CC0, "mailto:x@example.org");
        store.saveProvider(p);
        assertThat(store.provider("ndl")).contains(p);
        store.saveProvider(p.withOai("https://example.org/oai2", "oai_dc", List.of()));
        assertThat(store.provider("ndl").orElseThrow().oaiEndpoint()).isEqualTo("https://example.org/oai2");
        assertThat(store.providers()).extracting(Provider::id).containsExactly("lib", "ndl");
    }

    @Test
    void currentRecordsAndIndexPositions() {
        commit(0, accepted("b", "2"), accepted("a", "1"), accepted("c", "3"));
        commit(0, new Page.Deleted(deletion("c")), accepted("a", "1 again"));
        List<StoredRecord> seen = new ArrayList<>();
        store.forEachCurrent(null, seen::add);
        assertThat(seen).extracting(StoredRecord::identifier).containsExactly("a", "b");
        assertThat(seen.get(0).normalized().mainTitle()).isEqualTo("1 again");
        assertThat(store.indexPosition("solr")).isZero();
        store.saveIndexPosition("solr", 42);
        store.saveIndexPosition("solr", 43);
        assertThat(store.indexPosition("solr")).isEqualTo(43);
        assertThat(store.indexPosition("other")).isZero();
    }

    @Test
    void largeRecordsAndLongIdentifiersAreKept() {
        byte[] big = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        String longId = "oai:example.org:" + "長".repeat(600);
        RawRecord r = new RawRecord("lib", longId, "marc21", null, false, List.of(), big);
        commit(0, new Page.Accepted(r, record(longId, "big")));
        List<RawRecord> seen = new ArrayList<>();
        store.forEachRaw("lib", seen::add);
        assertThat(seen).singleElement().satisfies(x -> {
            assertThat(x.bytes()).hasSize(big.length);
            assertThat(x.identifier()).isEqualTo(longId);
            assertThat(x.datestamp()).isNull();
        });
    }

    @Test
    void curatedPagesAreKeptWholeAndReplaced() {
        String big = "{\"id\":\"quake\",\"text\":\"" + "震災".repeat(50_000) + "\"}";
        store.saveCurated("theme", "quake", big);
        store.saveCurated("theme", "edo", "{\"id\":\"edo\"}");
        store.saveCurated("gallery", "edo", "{\"id\":\"edo\",\"kind\":\"gallery\"}");
        assertThat(store.curated("theme", "quake")).hasValue(big);
        assertThat(store.curatedList("theme")).containsExactly("{\"id\":\"edo\"}", big);
        store.saveCurated("theme", "edo", "{\"id\":\"edo\",\"v\":2}");
        assertThat(store.curated("theme", "edo")).hasValue("{\"id\":\"edo\",\"v\":2}");
        assertThat(store.curatedList("gallery")).hasSize(1);
        assertThat(store.removeCurated("theme", "edo")).isTrue();
        assertThat(store.removeCurated("theme", "edo")).isFalse();
        assertThat(store.curated("theme", "edo")).isEmpty();
        assertThat(store.curated("gallery", "edo")).isPresent();
    }

    // ---- DOIs ---------------------------------------------------------------------------------

    private void items(String... ids) {
        for (String id : ids) {
            store.saveItem(new ItemEntry(id, "lib", "oai:x:" + id, org.kura.model.AccessTier.PUBLIC, null, 1,
                    Instant.parse("2026-01-01T00:00:00Z")));
        }
    }

    @Test
    void aDoiIsAssignedOncePerItemAndFoundInAnyCase() {
        items("book-1", "book-2");
        DoiEntry first = store.assignDoi("book-1", seq -> "10.99999/kura." + seq);
        assertThat(first.doi()).isEqualTo("10.99999/kura.1");
        assertThat(first.state()).isEqualTo(DoiEntry.State.DRAFT);
        assertThat(first.providerId()).isEqualTo("lib");
        assertThat(first.recordIdentifier()).isEqualTo("oai:x:book-1");
        // idempotent: the second mint returns the stored DOI and does not call the pattern again
        assertThat(store.assignDoi("book-1", seq -> "10.99999/other." + seq).doi()).isEqualTo("10.99999/kura.1");
        assertThat(store.assignDoi("book-2", seq -> "10.99999/kura." + seq).seq()).isEqualTo(2);
        assertThat(store.doi("10.99999/KURA.1")).map(DoiEntry::itemId).hasValue("book-1");
        assertThat(store.doi("10.99999/kura.3")).isEmpty();
        assertThat(store.doiOfItem("book-2")).map(DoiEntry::doi).hasValue("10.99999/kura.2");
        assertThat(store.dois(0, 10)).extracting(DoiEntry::doi).containsExactly("10.99999/kura.1", "10.99999/kura.2");
        assertThat(store.dois(1, 10)).extracting(DoiEntry::doi).containsExactly("10.99999/kura.2");
    }

    @Test
    void doisThatDifferOnlyInCaseCollideAndUnknownItemsGetNone() {
        items("Book", "book");
        store.assignDoi("Book", seq -> "10.99999/kura.Book");
        assertThatThrownBy(() -> store.assignDoi("book", seq -> "10.99999/kura.book"))
                .isInstanceOf(DoiTakenException.class).hasMessageContaining("already assigned to item Book");
        assertThat(store.doiOfItem("book")).isEmpty();
        assertThatThrownBy(() -> store.assignDoi("no-such-item", seq -> "10.99999/x"))
                .isInstanceOf(CatalogException.class).hasMessageContaining("no item no-such-item");
        assertThat(store.dois(0, 10)).hasSize(1);
    }

    @Test
    void doiStatesChange() {
        items("map-1");
        store.assignDoi("map-1", seq -> "10.99999/map-1");
        assertThat(store.setDoiState("10.99999/MAP-1", DoiEntry.State.FINDABLE)).isTrue();
        assertThat(store.doi("10.99999/map-1").orElseThrow().state()).isEqualTo(DoiEntry.State.FINDABLE);
        assertThat(store.setDoiState("10.99999/none", DoiEntry.State.FINDABLE)).isFalse();
    }

    @Test
    void concurrentMintsDrawDistinctSequenceNumbers() throws Exception {
        String[] ids = new String[16];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "item-" + i;
        }
        items(ids);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<DoiEntry>> minted = new ArrayList<>();
            for (String id : ids) {
                minted.add(pool.submit(() -> store.assignDoi(id, seq -> "10.99999/s." + seq)));
                minted.add(pool.submit(() -> store.assignDoi(id, seq -> "10.99999/s." + seq)));
            }
            java.util.Map<String, String> doiOfItem = new java.util.HashMap<>();
            for (Future<DoiEntry> f : minted) {
                DoiEntry e = f.get();
                String before = doiOfItem.putIfAbsent(e.itemId(), e.doi());
                assertThat(before == null || before.equals(e.doi())).as("one DOI per item").isTrue();
            }
            assertThat(doiOfItem.values()).doesNotHaveDuplicates().hasSize(ids.length);
        } finally {
            pool.shutdownNow();
        }
    }
}
