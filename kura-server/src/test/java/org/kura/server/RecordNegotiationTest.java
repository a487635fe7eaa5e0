package org.kura.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.server.oai.XmlRecordFormat;

/** {@code /api/records/{id}}: suffixes, Accept with q-values, 406, ETag and Last-Modified with 304. */
class RecordNegotiationTest {
    @TempDir
    Path dir;
    CatalogStore store;
    KuraServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(Provider.of("lib", "図書館"));
        for (String id : List.of("oai:x:1", "report.xml")) {
            Record r = Record.builder(id, "lib").title(new Title("國學の本義 " + id, null, TitleType.MAIN, "ja")).build();
            store.commit(new Page(0, "lib", List.of(new Page.Accepted(new RawRecord("lib", id, "csv", null, false, List.of(),
                    id.getBytes(StandardCharsets.UTF_8)), r)), null));
        }
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", "test-admin-token-0123456789"),
                KuraServer.newMetricsRegistry(), List.of(new RecordRoutes(store,
                List.of(XmlRecordFormat.oaiDc(), XmlRecordFormat.jpcoar())))).start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void suffixesChooseTheFormat() throws Exception {
        HttpResponse<String> xml = get("/api/records/oai%3Ax%3A1.xml");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
        assertThat(xml.body()).contains("<dc:title xml:lang=\"ja\">國學の本義 oai:x:1</dc:title>");
        assertThat(get("/api/records/oai%3Ax%3A1.jpcoar").body()).contains("jpcoar:jpcoar");
        assertThat(get("/api/records/oai%3Ax%3A1.json").body()).startsWith("{").contains("\"provider\":\"lib\"");
        assertThat(get("/api/records/report.xml").body()).as("an id that looks like a suffix is the record itself")
                .startsWith("{").contains("\"id\":\"report.xml\"");
        assertThat(get("/api/records/report.xml.xml").body()).contains("國學の本義 report.xml");
    }

    @Test
    void acceptHeaderIsNegotiatedWithQValues() throws Exception {
        assertThat(get("/api/records/oai%3Ax%3A1", "Accept", "application/xml").body()).startsWith("<?xml");
        assertThat(get("/api/records/oai%3Ax%3A1", "Accept", "application/json;q=0.5, text/xml;q=0.9").body()).startsWith("<?xml");
        assertThat(get("/api/records/oai%3Ax%3A1", "Accept", "application/json, text/xml;q=0.9").body()).startsWith("{");
        assertThat(get("/api/records/oai%3Ax%3A1", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8").body()).startsWith("{");
        HttpResponse<String> none = get("/api/records/oai%3Ax%3A1", "Accept", "image/png");
        assertThat(none.statusCode()).isEqualTo(406);
        assertThat(none.body()).contains("application/xml");
        assertThat(get("/api/records/oai%3Ax%3A1", "Accept", "application/xml").headers().firstValue("Vary")).contains("Accept");
    }

    @Test
    void conditionalRequestsGetNotModified() throws Exception {
        HttpResponse<String> first = get("/api/records/oai%3Ax%3A1");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String modified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(get("/api/records/oai%3Ax%3A1", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/records/oai%3Ax%3A1", "If-Modified-Since", modified).statusCode()).isEqualTo(304);
        assertThat(get("/api/records/oai%3Ax%3A1", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode()).isEqualTo(200);
        assertThat(get("/api/records/oai%3Ax%3A1", "If-Modified-Since", "yesterday").statusCode()).isEqualTo(200);
        assertThat(get("/api/records/oai%3Ax%3A1.xml", "If-None-Match", etag).statusCode())
                .as("each representation has its own ETag").isEqualTo(200);
        Record changed = Record.builder("oai:x:1", "lib").title(new Title("改訂", null, TitleType.MAIN, "ja")).build();
        store.commit(new Page(0, "lib", List.of(new Page.Accepted(new RawRecord("lib", "oai:x:1", "csv", null, false,
                List.of(), "changed".getBytes(StandardCharsets.UTF_8)), changed)), null));
        assertThat(get("/api/records/oai%3Ax%3A1", "If-None-Match", etag).statusCode()).isEqualTo(200);
    }
}
