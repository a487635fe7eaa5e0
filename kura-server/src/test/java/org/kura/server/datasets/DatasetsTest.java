package org.kura.server.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.model.Provider;
import org.kura.model.ProviderKind;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;

/** Full and incremental dumps on disk, their manifest, and serving them over HTTP (with hostile file names). */
class DatasetsTest {
    @TempDir
    Path dir;
    CatalogStore store;
    DatasetExporter exporter;
    KuraServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(Provider.of("open", "オープン図書館"));
        store.saveProvider(new Provider("byuse", "表示図書館", null, null, ProviderKind.LIBRARY, null, null, null, null,
                null, ReuseCondition.CC_BY, null));
        load("open", 0, 30);
        load("byuse", 0, 12);
        exporter = new DatasetExporter(store, dir.resolve("datasets"));
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", "test-admin-token-0123456789"),
                KuraServer.newMetricsRegistry(), List.of(new DatasetRoutes(exporter))).start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    void load(String provider, int from, int to) {
        List<Page.Entry> page = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Record r = Record.builder("r" + i, provider).title(new Title("タイトル\t" + i + "\n改行", null, TitleType.MAIN, "ja")).build();
            page.add(new Page.Accepted(new RawRecord(provider, r.id(), "csv", null, false, List.of(),
                    r.mainTitle().getBytes(StandardCharsets.UTF_8)), r));
        }
        store.commit(new Page(0, provider, page, null));
    }

    static List<String> lines(Path gz) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void fullDumpsCarryEveryLiveRecordWithChecksumAndLicence() throws Exception {
        Dataset jsonl = exporter.export(new JsonLinesFormat(), null, null, n -> { });
        assertThat(jsonl.records()).isEqualTo(42);
        assertThat(jsonl.kind()).isEqualTo("full");
        assertThat(jsonl.licence()).isEqualTo("mixed");
        Path file = dir.resolve("datasets").resolve(jsonl.file());
        assertThat(Files.size(file)).isEqualTo(jsonl.bytes());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                .isEqualTo(jsonl.sha256());
        List<String> lines = lines(file);
        assertThat(lines).hasSize(42);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.path("record").path("titles").get(0).path("value").asText()).startsWith("タイトル");
        assertThat(lines).anyMatch(l -> l.contains("\"metadataLicence\":\"https://creativecommons.org/licenses/by/4.0/\"")
                || l.contains("creativecommons.org/licenses/by/"));

        Dataset tsv = exporter.export(new TsvFormat(), null, ReuseCondition.CC0, n -> { });
        assertThat(tsv.records()).as("only CC0 providers").isEqualTo(30);
        assertThat(tsv.licence()).isEqualTo(ReuseCondition.CC0.uri());
        List<String> rows = lines(dir.resolve("datasets").resolve(tsv.file()));
        assertThat(rows).hasSize(31);
        assertThat(rows.get(0)).startsWith("id\tprovider\tdeleted");
        assertThat(rows.get(1).split("\t", -1)).hasSize(TsvFormat.COLUMNS.size());
        assertThat(rows).noneMatch(r -> r.contains("\n"));
        assertThat(exporter.list()).extracting(Dataset::file).containsExactly(tsv.file(), jsonl.file());
    }

    @Test
    void incrementalDumpsCarryChangesAndDeletionsSinceATime() throws Exception {
        Thread.sleep(20);
        Instant since = Instant.now();
        Thread.sleep(20);
        load("open", 28, 33); // two changed (same content: unchanged), three new
        store.commit(new Page(0, "byuse", List.of(new Page.Deleted(new RawRecord("byuse", "r3", "csv", null, true,
                List.of(), new byte[0]))), null));
        Thread.sleep(1000); // the dump covers changes up to its own (second-granular) time
        Dataset inc = exporter.export(new JsonLinesFormat(), since, null, n -> { });
        assertThat(inc.kind()).isEqualTo("incremental");
        assertThat(inc.records()).isEqualTo(4);
        assertThat(inc.deleted()).isEqualTo(1);
        assertThat(lines(dir.resolve("datasets").resolve(inc.file()))).anyMatch(l -> l.contains("\"id\":\"r3\"")
                && l.contains("\"deleted\":true"));
    }

    @Test
    void datasetsAreListedAndServedAndNothingElseIs() throws Exception {
        Dataset d = exporter.export(new JsonLinesFormat(), null, null, n -> { });
        HttpResponse<String> list = get("/datasets");
        assertThat(list.body()).contains(d.file()).contains(d.sha256());
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(base() + "/datasets/" + d.file())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/gzip");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body()))).isEqualTo(d.sha256());
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(file.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()).hasSize(42);
        }
        assertThat(get("/datasets/" + d.file(), "If-None-Match", "\"" + d.sha256() + "\"").statusCode()).isEqualTo(304);
        Files.writeString(dir.resolve("datasets").resolve("secret.txt"), "not published");
        assertThat(get("/datasets/secret.txt").statusCode()).isEqualTo(404);
        assertThat(get("/datasets/datasets.json").statusCode()).isEqualTo(404);
        assertThat(get("/datasets/..%2F..%2Fcatalog").statusCode()).isIn(400, 404);
        assertThat(get("/datasets/%2E%2E").statusCode()).isIn(400, 404);
        assertThat(get("/datasets/.writing-x.tmp").statusCode()).isIn(400, 404);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
