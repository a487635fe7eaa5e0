package org.kura.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.QuarantineEntry;
import org.kura.catalog.StoredRecord;
import org.kura.ingest.Fixtures;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.ingest.source.ColumnMapping;
import org.kura.ingest.source.RecordSource;
import org.kura.ingest.source.RecordSources;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.ReuseCondition;

/** Bulk imports of real files into a real H2 catalog: every format, broken files included. */
class ImportServiceTest {
    @TempDir
    Path dir;
    CatalogStore store;
    ImportService imports;

    @BeforeEach
    void open() {
        store = HarvestFixture.catalog(dir.resolve("db"));
        store.saveProvider(Provider.of("lib", "図書館"));
        imports = new ImportService(store, new StandardCrosswalks(), 50);
    }

    @AfterEach
    void close() {
        store.close();
    }

    HarvestRun importFile(Path file, String format, ColumnMapping mapping) throws Exception {
        RecordSource source = RecordSources.open(file, format, "lib", mapping);
        return imports.importFrom("lib", format, source, file.getFileName().toString(), ProgressListener.NONE);
    }

    static Stream<Path> marcFiles() throws Exception {
        return Files.list(Fixtures.shared("marc")).filter(p -> p.toString().endsWith(".mrc")).sorted();
    }

    @ParameterizedTest
    @MethodSource("marcFiles")
    void everyMarcFileImportsOrQuarantinesWithAReasonAndTheCountsReconcile(Path file) throws Exception {
        HarvestRun run = importFile(file, "marc21", null);
        assertThat(run.state()).as(run.error()).isEqualTo(HarvestRun.State.COMPLETED);
        assertThat(run.harvested()).isPositive();
        assertThat(run.reconciles()).isTrue();
        for (QuarantineEntry q : store.quarantine("lib", 0, 100)) {
            assertThat(q.reason()).isNotBlank();
        }
    }

    @Test
    void marcRecordsKeepTheirFieldsAndControlNumbers() throws Exception {
        HarvestRun run = importFile(Fixtures.shared("marc/summerland.mrc"), "marc21", null);
        assertThat(run.stored()).isEqualTo(1);
        List<StoredRecord> all = new ArrayList<>();
        store.forEachRaw("lib", raw -> all.add(store.record("lib", raw.identifier()).orElseThrow()));
        StoredRecord r = all.get(0);
        assertThat(r.normalized().mainTitle()).startsWith("Summerland");
        assertThat(r.normalized().agents()).anySatisfy(a -> assertThat(a.name()).startsWith("Chabon, Michael"));
        assertThat(r.normalized().materialType()).isEqualTo(MaterialType.BOOK);
        assertThat(r.identifier()).isNotBlank().doesNotContain("#");
    }

    @Test
    void marcXmlFilesImport() throws Exception {
        HarvestRun run = importFile(Fixtures.shared("marc/summerland.xml"), "marcxml", null);
        assertThat(run.stored()).isEqualTo(1);
        HarvestRun broken = importFile(Fixtures.shared("marc/chabon-missing-datafield-tag.xml"), "marcxml", null);
        assertThat(broken.reconciles()).isTrue();
        assertThat(broken.quarantined() + broken.stored()).isPositive();
    }

    @Test
    void csvWithAMappingAndABadRow() throws Exception {
        ColumnMapping m = ColumnMapping.parse("id=ID,title=タイトル,title_reading=ヨミ,creator=著者|;,publisher=出版者,"
                + "date=出版年,isbn=ISBN,ndc=NDC,rights=権利");
        HarvestRun run = importFile(Fixtures.local("csv/kura-sample-books.csv"), "csv", m);
        assertThat(run.harvested()).isEqualTo(4);
        assertThat(run.stored()).isEqualTo(3);
        assertThat(run.quarantined()).isEqualTo(1);
        assertThat(store.quarantine("lib", 0, 10).get(0).reason()).contains("no id");
        StoredRecord b2 = store.record("lib", "b002").orElseThrow();
        assertThat(b2.normalized().agents()).hasSize(2);
        assertThat(b2.normalized().rights().condition()).isEqualTo(ReuseCondition.CC_BY);
        assertThat(store.record("lib", "b003").orElseThrow().normalized().mainTitle()).isEqualTo("たけくらべ, にごりえ");
        assertThatThrownBy(() -> ColumnMapping.parse("title=タイトル")).hasMessageContaining("id");
        assertThatThrownBy(() -> ColumnMapping.parse("id=ID,colour=色")).hasMessageContaining("colour");
    }

    @Test
    void shiftJisCsvIsDetected() throws Exception {
        Path sjis = dir.resolve("sjis.csv");
        Files.write(sjis, "id,title,creator\nx1,國學の研究,柳田國男 著\n".getBytes("Shift_JIS"));
        HarvestRun run = importFile(sjis, "csv", null);
        assertThat(run.stored()).isEqualTo(1);
        assertThat(store.record("lib", "x1").orElseThrow().normalized().mainTitle()).isEqualTo("國學の研究");
    }

    @Test
    void oaiPmhResponseDumps() throws Exception {
        HarvestRun run = importFile(Fixtures.local("oai_dc/oai-pmh-spec-getrecord-arXiv-cs-0112017.xml"), "oai_dc", null);
        assertThat(run.stored()).isEqualTo(1);
        StoredRecord r = store.record("lib", "oai:arXiv.org:cs/0112017").orElseThrow();
        assertThat(r.normalized().mainTitle()).startsWith("Using Structural Metadata");
        assertThat(r.datestamp()).isNotNull();
    }

    @Test
    void dcndlAndJpcoarFiles() throws Exception {
        HarvestRun dcndl = importFile(Fixtures.local("dcndl/ndlsearch-R000000004-I2860002-article.xml"), "dcndl", null);
        assertThat(dcndl.stored()).isEqualTo(1);
        assertThat(store.record("lib", "https://ndlsearch.ndl.go.jp/books/R000000004-I2860002#material")).isPresent();
        HarvestRun jpcoar = importFile(Fixtures.shared("jpcoar/2.0/samples/05_doctoral_thesis_oa.xml"), "jpcoar", null);
        assertThat(jpcoar.stored()).isEqualTo(1);
        assertThat(store.record("lib", "https://doi.org/10.15017/64495")).isPresent();
    }

    @Test
    void malformedXmlAfterGoodRecordsKeepsThemAndQuarantinesTheRest() throws Exception {
        String good = Files.readString(Fixtures.shared("marc/summerland.xml"));
        String collection = "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">"
                + good.substring(good.indexOf("<record")).replace("</collection>", "")
                .replaceFirst("(?s)</record>.*", "</record>") + "<record><leader>broken";
        Path file = dir.resolve("broken.xml");
        Files.writeString(file, collection);
        HarvestRun run = importFile(file, "marcxml", null);
        assertThat(run.stored()).isEqualTo(1);
        assertThat(run.quarantined()).isEqualTo(1);
        assertThat(store.quarantine("lib", 0, 10).get(0).reason()).contains("malformed XML");
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndRecrosswalkRebuilds() throws Exception {
        Path file = Fixtures.shared("marc/chabon.mrc");
        HarvestRun first = importFile(file, "marc21", null);
        HarvestRun second = importFile(file, "marc21", null);
        assertThat(second.unchanged()).isEqualTo(first.stored());
        assertThat(second.stored()).isZero();
        long seq = store.lastChangeSeq();
        HarvestRun re = imports.recrosswalk("lib", ProgressListener.NONE);
        assertThat(re.kind()).isEqualTo(HarvestRun.Kind.RECROSSWALK);
        assertThat(re.harvested()).isEqualTo(first.stored());
        assertThat(re.unchanged()).isEqualTo(first.stored()); // same crosswalk, same records
        assertThat(store.lastChangeSeq()).isEqualTo(seq);
    }

    @Test
    void unknownProviderOrFormatIsAClearError() {
        assertThatThrownBy(() -> RecordSources.open(dir.resolve("none.xml"), "oai_dc", "lib", null))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> RecordSources.open(Fixtures.local("csv/kura-sample-books.csv"), "mods", "lib", null))
                .hasMessageContaining("unknown format");
        assertThatThrownBy(() -> imports.importFrom("nobody", "csv", null, "x", ProgressListener.NONE))
                .hasMessageContaining("no provider nobody");
    }

    @Test
    void aDoctypeInABulkFileIsRefused() throws Exception {
        Path file = dir.resolve("xxe.xml");
        Files.writeString(file, "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record><leader>&x;</leader></record></collection>",
                StandardCharsets.UTF_8);
        HarvestRun run = importFile(file, "marcxml", null);
        assertThat(run.stored()).isZero();
        assertThat(run.quarantined()).isEqualTo(1);
        assertThat(store.quarantine("lib", 0, 1).get(0).reason()).contains("DOCTYPE");
    }
}
