package org.kura.server.sru;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.lod.DcNdlMapper;
import org.kura.lod.UriScheme;
import org.kura.model.Agent;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Role;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.search.EmbeddedSolrBackend;
import org.kura.search.Indexer;
import org.kura.search.Searcher;
import org.kura.lod.SchemaOrgMapper;
import org.kura.server.portal.PortalRoutes;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.kura.server.lod.DcNdlOaiFormat;
import org.kura.server.opensearch.OpenSearchRoutes;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** SRU 1.2 and 2.0 and OpenSearch over a real index, with every diagnostic and hostile content. */
class SruOpenSearchTest {
    static final String SRU2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse";
    static final String SRW = "http://www.loc.gov/zing/srw/";
    static Path dir;
    static CatalogStore store;
    static EmbeddedSolrBackend solr;
    static KuraServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("kura-sru");
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(Provider.of("lib", "図書館"));
        List<Page.Entry> page = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String title = i == 24 ? "<script>alert(1)</script>\u0001 国学" : "国学の研究 第" + i + "巻";
            Record r = Record.builder("r" + i, "lib").title(new Title(title, null, TitleType.MAIN, "ja"))
                    .agent(Agent.of(i % 2 == 0 ? "芳賀, 矢一" : "山田, 孝雄", Role.AUTHOR)).build();
            page.add(new Page.Accepted(new RawRecord("lib", r.id(), "csv", null, false, List.of(), ("x" + i).getBytes(StandardCharsets.UTF_8)), r));
        }
        store.commit(new Page(0, "lib", page, null));
        solr = new EmbeddedSolrBackend(dir.resolve("solr"), "kura");
        new Indexer(store, solr).catchUp();
        Searcher searcher = new Searcher(solr);
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost:8080", "test-admin-token-0123456789"),
                KuraServer.newMetricsRegistry(), List.of(
                new SruRoutes(searcher, store, "http://localhost:8080", Map.of("dcndl", new DcNdlOaiFormat(new DcNdlMapper(new UriScheme("http://localhost:8080"))))),
                new OpenSearchRoutes(searcher, "http://localhost:8080"), new PortalRoutes(new org.kura.server.portal.Pages(), store, searcher,
                        new org.kura.search.GeoSearch(solr), new SchemaOrgMapper(new UriScheme("http://localhost:8080")), new org.kura.server.portal.Curation(store),
                        new org.kura.server.portal.ItemAccess(new org.kura.server.access.AccessPolicy(),
                                new org.kura.server.access.PrincipalResolver(store, "test-admin-token-0123456789", List.of()))))).start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        solr.close();
        store.close();
    }

    static HttpResponse<byte[]> raw(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static Document get(String path) throws Exception {
        HttpResponse<byte[]> r = raw(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
    }

    static List<String> texts(Document d, String ns, String name) {
        NodeList n = d.getElementsByTagNameNS(ns, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String diagnostic(Document d) {
        List<String> uris = new ArrayList<>(texts(d, "http://docs.oasis-open.org/ns/search-ws/diagnostic", "uri"));
        uris.addAll(texts(d, "http://www.loc.gov/zing/srw/diagnostic/", "uri"));
        return uris.isEmpty() ? null : uris.get(0);
    }

    @Test
    void explainInBothVersionsListsIndexesAndSchemas() throws Exception {
        Document v2 = get("/sru");
        assertThat(texts(v2, SRU2, "version")).containsExactly("2.0");
        assertThat(texts(v2, "http://explain.z3950.org/dtd/2.0/", "title")).contains("dc.title", "dc.creator", "bath.isbn");
        Document v1 = get("/sru?version=1.2&operation=explain");
        assertThat(texts(v1, SRW, "version")).containsExactly("1.2");
        assertThat(v1.getElementsByTagNameNS("http://explain.z3950.org/dtd/2.0/", "schema").getLength()).isEqualTo(2);
    }

    @Test
    void searchRetrievePagesWithNextRecordPosition() throws Exception {
        Document d = get("/sru?version=2.0&query=" + enc("dc.title = 国学") + "&maximumRecords=10");
        assertThat(texts(d, SRU2, "numberOfRecords")).containsExactly("25");
        assertThat(texts(d, SRU2, "recordPosition")).hasSize(10).startsWith("1");
        assertThat(texts(d, SRU2, "nextRecordPosition")).containsExactly("11");
        assertThat(texts(d, "http://purl.org/dc/elements/1.1/", "title")).hasSize(10);
        Document odd = get("/sru?query=" + enc("dc.title = 国学") + "&startRecord=7&maximumRecords=5");
        assertThat(texts(odd, SRU2, "recordPosition")).containsExactly("7", "8", "9", "10", "11");
        assertThat(texts(odd, SRU2, "nextRecordPosition")).containsExactly("12");
        Document last = get("/sru?query=" + enc("dc.title = 国学") + "&startRecord=21&maximumRecords=10");
        assertThat(texts(last, SRU2, "recordPosition")).hasSize(5);
        assertThat(texts(last, SRU2, "nextRecordPosition")).isEmpty();
        Document v1 = get("/sru?version=1.2&operation=searchRetrieve&query=" + enc("dc.creator = 芳賀 and dc.title = 研究")
                + "&maximumRecords=3");
        assertThat(texts(v1, SRW, "numberOfRecords")).containsExactly("12");
        assertThat(texts(v1, SRW, "query")).as("echoed request").containsExactly("dc.creator = 芳賀 and dc.title = 研究");
        Document count = get("/sru?query=" + enc("国学 not 研究") + "&maximumRecords=0");
        assertThat(texts(count, SRU2, "numberOfRecords")).containsExactly("1");
        assertThat(texts(count, SRU2, "record")).isEmpty();
    }

    @Test
    void schemasAndPackings() throws Exception {
        Document dcndl = get("/sru?query=" + enc("dc.title = \"国学の研究 第3巻\"") + "&recordSchema=dcndl");
        assertThat(dcndl.getElementsByTagNameNS("http://ndl.go.jp/dcndl/terms/", "BibResource").getLength()
                + dcndl.getElementsByTagNameNS("http://ndl.go.jp/dcndl/terms/", "record").getLength()).isPositive();
        Document string = get("/sru?query=" + enc("dc.title = 国学") + "&maximumRecords=1&recordXMLEscaping=string");
        assertThat(texts(string, SRU2, "recordData").get(0)).contains("<srw_dc:dc");
        Document hostile = get("/sru?query=" + enc("dc.title = script"));
        assertThat(texts(hostile, "http://purl.org/dc/elements/1.1/", "title")).anyMatch(t -> t.startsWith("<script>"));
    }

    @Test
    void everyBadRequestIsADiagnostic() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("/sru?version=3.0", "5");
        cases.put("/sru?operation=scan", "4");
        cases.put("/sru?operation=searchRetrieve", "7");
        cases.put("/sru?query=" + enc("(unclosed"), "10");
        cases.put("/sru?query=" + enc("dc.colour = red"), "16");
        cases.put("/sru?query=" + enc("dc.title < 国学"), "19");
        cases.put("/sru?query=x&startRecord=0", "6");
        cases.put("/sru?query=x&startRecord=abc", "6");
        cases.put("/sru?query=x&startRecord=20000", "61");
        cases.put("/sru?query=x&recordSchema=marcxml", "66");
        cases.put("/sru?query=x&sortKeys=dc.date", "80");
        cases.put("/sru?query=x&colour=red", "8");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(diagnostic(get(c.getKey()))).as(c.getKey()).isEqualTo("info:srw/diagnostic/1/" + c.getValue());
        }
        assertThat(diagnostic(get("/sru?query=x&x-custom=1"))).as("x- extensions are ignored").isNull();
    }

    @Test
    void openSearchDescriptionAtomRssAndAutodiscovery() throws Exception {
        Document desc = get("/opensearch.xml");
        NodeList urls = desc.getElementsByTagNameNS("http://a9.com/-/spec/opensearch/1.1/", "Url");
        assertThat(urls.getLength()).isEqualTo(4);
        assertThat(((org.w3c.dom.Element) urls.item(0)).getAttribute("template")).contains("{searchTerms}").startsWith("http://localhost:8080/");
        Document atom = get("/opensearch?q=" + enc("国学") + "&count=10");
        assertThat(texts(atom, "http://a9.com/-/spec/opensearch/1.1/", "totalResults")).containsExactly("25");
        assertThat(atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength()).isEqualTo(10);
        assertThat(atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").getLength()).isGreaterThan(4);
        Document rss = get("/opensearch?q=" + enc("script") + "&format=rss");
        assertThat(texts(rss, "", "title").toString() + texts(rss, null, "title")).contains("<script>");
        assertThat(raw("/opensearch?q=" + enc("script") + "&format=rss").body().length).isPositive();
        assertThat(new String(raw("/opensearch?q=script&format=rss").body(), StandardCharsets.UTF_8)).doesNotContain("<script>");
        assertThat(raw("/opensearch?q=x&format=pdf").statusCode()).isEqualTo(400);
        assertThat(raw("/opensearch?q=x&page=abc").statusCode()).isEqualTo(400);
        assertThat(new String(raw("/").body(), StandardCharsets.UTF_8)).contains("application/opensearchdescription+xml");
    }
}
