package org.kura.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.Page;
import org.kura.catalog.QuarantineEntry;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.model.Provider;
import org.kura.model.RawRecord;

/** Quarantined records retried from their kept bytes, in a real H2 catalog with the real crosswalks. */
class QuarantineRetryTest {
    static final String GOOD = "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>吾輩は猫である</dc:title><dc:creator>夏目, 漱石</dc:creator>"
            + "<dc:date>1905</dc:date></oai_dc:dc>";
    static final String BROKEN = "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\"><dc:title>閉じない";

    @TempDir
    Path dir;
    CatalogStore store;
    QuarantineRetry retry;

    @BeforeEach
    void open() {
        store = HarvestFixture.catalog(dir.resolve("db"));
        store.saveProvider(Provider.of("lib", "図書館"));
        retry = new QuarantineRetry(store, new StandardCrosswalks());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Quarantines a record as a harvest would; returns its number. */
    long quarantine(String identifier, String bytes, String reason) {
        HarvestRun run = store.startRun("lib", HarvestRun.Kind.HARVEST, "test");
        store.commit(new Page(run.id(), "lib", List.of(new Page.Rejected(identifier, "oai_dc",
                bytes.getBytes(StandardCharsets.UTF_8), QuarantineEntry.Stage.CROSSWALK, reason)), null));
        store.finishRun(run.id(), HarvestRun.State.COMPLETED, null);
        return store.quarantine("lib", 0, 100).stream().filter(q -> reason.equals(q.reason())).findFirst().orElseThrow().id();
    }

    @Test
    void aRecordThatPassesNowIsStoredAndLeavesTheQuarantine() {
        // kept bytes that today's crosswalk accepts (the refusal came from a bug since fixed)
        long id = quarantine("oai:lib:1", GOOD, "an earlier crosswalk refused it");
        QuarantineRetry.Outcome o = retry.retry(id);
        assertThat(o.stored()).isTrue();
        assertThat(store.quarantineEntry(id)).isEmpty();
        assertThat(store.record("lib", "oai:lib:1")).hasValueSatisfying(r -> assertThat(r.normalized().mainTitle()).isEqualTo("吾輩は猫である"));
        assertThat(store.runs("lib", 1)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(HarvestRun.Kind.RECROSSWALK);
            assertThat(r.detail()).contains("#" + id);
        });
    }

    @Test
    void aRecordThatStillFailsStaysWithTodaysReason() {
        long id = quarantine("oai:lib:2", BROKEN, "an old reason");
        QuarantineRetry.Outcome o = retry.retry(id);
        assertThat(o.stored()).isFalse();
        assertThat(o.message()).isNotBlank().isNotEqualTo("an old reason");
        assertThat(store.quarantineEntry(id)).hasValueSatisfying(q -> {
            assertThat(q.reason()).isEqualTo(o.message());
            assertThat(new String(q.bytes(), StandardCharsets.UTF_8)).as("the bytes are kept").isEqualTo(BROKEN);
        });
        assertThat(store.record("lib", "oai:lib:2")).isEmpty();
    }

    @Test
    void aRecordHarvestedAgainSinceIsLetGoNotStoredOverTheNewerVersion() throws Exception {
        long id = quarantine("oai:lib:3", GOOD.replace("吾輩は猫である", "古い題"), "refused then");
        Thread.sleep(5);
        HarvestRun run = store.startRun("lib", HarvestRun.Kind.HARVEST, "later");
        RawRecord raw = new RawRecord("lib", "oai:lib:3", "oai_dc", Instant.now(), false, List.of(), GOOD.getBytes(StandardCharsets.UTF_8));
        store.commit(new Page(run.id(), "lib", List.of(new Page.Accepted(raw,
                new StandardCrosswalks().forFormat("oai_dc").orElseThrow().apply(raw))), null));
        QuarantineRetry.Outcome o = retry.retry(id);
        assertThat(o.stored()).isFalse();
        assertThat(o.message()).startsWith("superseded");
        assertThat(store.quarantineEntry(id)).isEmpty();
        assertThat(store.record("lib", "oai:lib:3")).hasValueSatisfying(r -> {
            assertThat(r.normalized().mainTitle()).isEqualTo("吾輩は猫である");
            assertThat(r.version()).isEqualTo(1);
        });
    }

    @Test
    void recordsWithoutAnIdentifierOrUnknownNumbersAreRefusedWithTheReason() {
        long id = quarantine(null, "<not xml", "a page that did not parse");
        assertThat(retry.retry(id)).satisfies(o -> {
            assertThat(o.stored()).isFalse();
            assertThat(o.message()).contains("identifier is unknown", "harvest lib again");
        });
        assertThat(store.quarantineEntry(id)).isPresent();
        assertThatThrownBy(() -> retry.retry(987654)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("#987654");
    }

    @Test
    void retryAllTakesAProvidersEntriesOldestFirst() {
        quarantine("oai:lib:4", GOOD, "first");
        quarantine("oai:lib:5", BROKEN, "second");
        List<QuarantineRetry.Outcome> all = retry.retryAll("lib", 10);
        assertThat(all).extracting(QuarantineRetry.Outcome::identifier).containsExactly("oai:lib:4", "oai:lib:5");
        assertThat(all).extracting(QuarantineRetry.Outcome::stored).containsExactly(true, false);
        assertThat(store.countQuarantine("lib")).isEqualTo(1);
    }
}
