package org.kura.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.RecordJson;
import org.kura.testkit.OaiPmhTestServer;
import org.kura.testkit.SyntheticCorpus;

/** The kura command as a user types it, against a real data directory and a real OAI-PMH server. */
class CliTest {
    @TempDir
    Path dir;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;

    @BeforeEach
    void capture() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    int kura(String... args) {
        out.reset();
        err.reset();
        String[] full = new String[args.length + 2];
        System.arraycopy(args, 0, full, 0, args.length);
        full[args.length] = "--data";
        full[args.length + 1] = dir.resolve("data").toString();
        return KuraCli.execute(full);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void harvestWithJsonPrintsOneObjectWhoseCountsReconcile() throws Exception {
        try (OaiPmhTestServer oai = OaiPmhTestServer.builder(new SyntheticCorpus(5).records(120)).pageSize(50).start()) {
            assertThat(kura("provider", "add", "--id", "remote", "--name", "遠隔リポジトリ", "--oai", oai.baseUrl().toString(),
                    "--prefix", "oai_dc")).isZero();
            assertThat(kura("harvest", "remote", "--json")).isZero();
            JsonNode run = RecordJson.mapper().readTree(stdout().strip());
            assertThat(run.path("harvested").asLong()).isEqualTo(120);
            assertThat(run.path("stored").asLong() + run.path("unchanged").asLong() + run.path("deleted").asLong()
                    + run.path("quarantined").asLong()).isEqualTo(120);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("rec/s");
            assertThat(kura("harvest", "remote", "--json", "--full")).isZero();
            assertThat(RecordJson.mapper().readTree(stdout().strip()).path("unchanged").asLong()).isEqualTo(120);
            assertThat(kura("inspect", "remote")).isZero();
            assertThat(stdout()).contains("Kura test repository").contains("oai_dc").contains("(Kura has a crosswalk)")
                    .contains("books").contains("SECOND");
            assertThat(kura("runs", "--provider", "remote")).isZero();
            assertThat(stdout()).contains("COMPLETED");
        }
    }

    @Test
    void aDataDirectoryInUseByAnotherProcessIsSaidSo() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CatalogHolder.class.getName(), dir.resolve("data").toString())
                .redirectErrorStream(true).start();
        try (java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals("OPEN")) {
                // the holder's log
            }
            assertThat(line).as("the holder opened the catalog").isEqualTo("OPEN");
            assertThat(kura("index")).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("is open in another Kura process")
                    .contains(dir.resolve("data").resolve("catalog").toString());
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(kura("index")).as("once the other process has ended").isZero();
    }

    @Test
    void importAndRecordAndQuarantine() throws Exception {
        Path csv = dir.resolve("books.csv");
        Files.writeString(csv, "id,title,creator\nb1,國學の研究,柳田國男 著\n,題名のみ,\n");
        assertThat(kura("provider", "add", "--id", "lib", "--name", "図書館")).isZero();
        assertThat(kura("import", csv.toString(), "--provider", "lib", "--format", "csv", "--json")).isZero();
        JsonNode run = RecordJson.mapper().readTree(stdout().strip());
        assertThat(run.path("stored").asLong()).isEqualTo(1);
        assertThat(run.path("quarantined").asLong()).isEqualTo(1);
        assertThat(kura("record", "b1")).isZero();
        assertThat(stdout()).contains("國學の研究");
        assertThat(kura("quarantine", "lib")).isZero();
        assertThat(stdout()).contains("no id");
        assertThat(kura("recrosswalk", "--provider", "lib", "--json")).isZero();
        assertThat(kura("provider", "list")).isZero();
        assertThat(stdout()).contains("lib").contains("図書館");
    }

    @Test
    void badInputGetsAClearErrorAndANonZeroExit() {
        assertThat(kura("harvest", "nobody")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no provider nobody");
        assertThat(kura("provider", "add", "--id", "Bad Id", "--name", "x")).isEqualTo(2);
        assertThat(kura("provider", "add", "--id", "ok", "--name", "x", "--oai", "ftp://x")).isEqualTo(2);
        assertThat(kura("import", dir.resolve("missing.xml").toString(), "--provider", "ok", "--format", "oai_dc")).isNotZero();
        assertThat(kura("no-such-command")).isNotZero();
    }

    @Test
    void theRegistryCommandsCheckWhatTheStaffPagesCheck() throws Exception {
        // refused as the staff forms refuse them: nothing saved that staff could not open or that lets everyone in
        assertThat(kura("institution", "add", "--isil", "JP/1", "--name", "x")).isEqualTo(2);
        assertThat(kura("institution", "add", "--isil", "JP-1000001", "--name", "x", "--ip", "0.0.0.0/0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("0.0.0.0/0");
        assertThat(kura("terminal", "add", "--id", "bad id", "--name", "x", "--ip", "192.0.2.1")).isEqualTo(2);
        System.setIn(new java.io.ByteArrayInputStream("a long passphrase\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(kura("user", "add", "Hanako")).isEqualTo(2);
        // and accepted the same way: an institution with a key, replaced with a new key; a terminal; a reader
        assertThat(kura("institution", "add", "--isil", "JP-1000001", "--name", "図書館", "--country", "jp", "--ip", "192.0.2.0/24",
                "--key")).isZero();
        String first = stdout().lines().filter(l -> l.startsWith("kinst_")).findFirst().orElseThrow();
        assertThat(kura("institution", "add", "--isil", "JP-1000001", "--name", "図書館", "--key")).isZero();
        assertThat(stdout()).contains("kinst_").doesNotContain(first);
        assertThat(kura("institution", "list")).isZero();
        assertThat(stdout()).contains("JP-1000001").contains("JP").contains("(key)");
        assertThat(kura("terminal", "add", "--id", "t1", "--name", "閲覧室", "--ip", "192.0.2.10")).isZero();
        System.setIn(new java.io.ByteArrayInputStream("a long passphrase\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(kura("user", "add", "hanako", "--country", "jp")).isZero();
        assertThat(kura("user", "list")).isZero();
        assertThat(stdout()).contains("hanako").contains("JP");
    }

    @Test
    void everyCommandHasHelpAndConfigPrints() {
        for (String c : new String[] {"demo", "inspect", "index", "search", "serve", "config", "provider", "harvest", "import", "recrosswalk", "runs",
            "quarantine", "record", "bench", "doi"}) {
            assertThat(kura(c, "--help")).as(c).isZero();
            assertThat(stdout()).as(c).contains("Usage:");
        }
        assertThat(kura("config")).isZero();
        assertThat(stdout()).contains("port: 8080").contains("backend: \"embedded\"");
    }

    @Test
    void demoLoadsTheSamplesAndIsIdempotent() throws Exception {
        assertThat(kura("demo", "--no-serve", "--oai-records", "300")).isZero();
        assertThat(stdout()).contains("classics.dcndl.xml").contains("harvested 300 = stored 300")
                .contains("indexed 3");
        assertThat(stdout()).contains("DOIs: 4 item(s)").contains("10.99999");
        assertDemoDois();
        assertThat(kura("search", "國學")).isZero();
        assertThat(stdout()).contains("國學の本義");
        assertThat(kura("search", "--cql", "dc.title = こゝろ and dc.creator = 漱石")).isZero();
        assertThat(stdout()).contains("こゝろ");
        assertThat(kura("search", "--cql", "dc.colour = red")).isEqualTo(1);
        // demo records carry coordinates for the theme's map (遠野物語: ISO 6709 in dcterms:spatial; museum.csv's column)
        assertThat(kura("record", "https://kura.example/demo/ndl-classics/006")).isZero();
        assertThat(stdout()).contains("\"geoLocations\"").contains("39.336");
        assertThat(kura("record", "hokusai-001")).isZero();
        assertThat(stdout()).contains("\"geoLocations\"").contains("35.4437");
        assertThat(kura("index", "--full")).isZero();
        assertThat(stdout()).contains("indexed");
        assertThat(kura("demo", "--no-serve", "--oai-records", "300")).isZero();
        assertThat(stdout()).contains("0 stored").contains("harvested 0 = stored 0").contains("DOIs: 4 item(s)");
        java.nio.file.Path config = dir.resolve("kura.yaml");
        java.nio.file.Files.writeString(config, "doi:\n  prefix: \"10.99999\"\n  pattern: \"other.{seq}\"\n");
        assertThat(kura("doi", "mint", "--all", "--config", config.toString())).isZero();
        assertThat(stdout()).contains("10.99999/kura.demo-public").contains("4 item(s) with a DOI").doesNotContain("other.");
        assertThat(kura("doi", "mint", "no-such-item", "--config", config.toString())).isEqualTo(1);
        assertThat(kura("doi", "state", "10.99999/kura.demo-public", "FINDABLE")).isZero();
        assertThat(kura("doi", "show", "10.99999/kura.demo-public")).isZero();
        assertThat(stdout()).contains("FINDABLE");
    }

    /** The demo's DOIs: shown, written as DataCite XML, refused as JaLC XML while no site id is configured. */
    private void assertDemoDois() {
        assertThat(kura("doi", "show", "10.99999/KURA.DEMO-PUBLIC")).isZero();
        assertThat(stdout()).contains("10.99999/kura.demo-public").contains("demo-public").contains("DRAFT")
                .contains("/records/ndl/https%3A%2F%2Fkura.example%2Fdemo%2Fndl-classics%2F001");
        assertThat(kura("doi", "xml", "10.99999/kura.demo-public", "--format", "datacite")).isZero();
        assertThat(stdout()).contains("http://datacite.org/schema/kernel-4").contains("吾輩は猫である")
                .contains("ワガハイ ワ ネコ デ アル").contains("<familyName>夏目</familyName>").contains("<publicationYear>1905</publicationYear>");
        assertThat(kura("doi", "xml", "10.99999/kura.demo-public", "--format", "jalc")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("doi.jalc.siteId");
        assertThat(kura("doi", "show", "10.99999/kura..x")).isEqualTo(2);
        assertThat(kura("doi", "show", "10.99999/kura.none")).isEqualTo(1);
        // minting outside the demo needs the configured prefix
        assertThat(kura("doi", "mint", "demo-public")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("doi.prefix is not set");
    }
}
