package org.kura.server.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.Page;
import org.kura.catalog.StoredRecord;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.ingest.oai.OaiClientSettings;
import org.kura.ingest.pipeline.HarvestOptions;
import org.kura.ingest.pipeline.HarvestService;
import org.kura.ingest.pipeline.ProgressListener;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.server.KuraServer;
import org.kura.server.ServerSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The OAI-PMH provider through real HTTP over a real H2 catalog: every verb, paging with resumption
 * tokens while records change, persistent deletions, from/until, every error condition, and Kura's
 * own harvester harvesting Kura.
 */
class OaiPmhTest {
    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    CatalogStore store;
    KuraServer server;
    final AtomicReference<Instant> now = new AtomicReference<>();
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(Provider.of("lib", "図書館"));
        store.saveProvider(Provider.of("museum", "美術館"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get() == null ? Instant.now() : now.get();
            }
        };
        OaiPmhRoutes oai = new OaiPmhRoutes(store, new OaiPmhRoutes.Settings("Kura テスト", "http://localhost/oai",
                "admin@example.org", "kura.example.org", 7, Duration.ofHours(1), SECRET),
                List.of(new OaiDcFormat(), new JpcoarFormat()), clock);
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", "test-admin-token-0123456789"),
                KuraServer.newMetricsRegistry(), List.of(oai)).start();
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    static Record book(String provider, String id, String title) {
        return Record.builder(id, provider).materialType(MaterialType.BOOK)
                .title(new Title(title, "テスト", TitleType.MAIN, "ja"))
                .agent(new Agent("夏目, 漱石", "ナツメ, ソウセキ", Role.AUTHOR, List.of(), null))
                .publisher(Agent.of("岩波書店", Role.PUBLISHER))
                .date(new DateValue("1905", LocalDate.of(1905, 1, 1), LocalDate.of(1905, 12, 31), DateType.ISSUED, false))
                .subject(new Subject("913.6", SubjectScheme.NDC, null))
                .identifier(Identifiers.normalize(IdentifierType.ISBN, "4-00-310101-4"))
                .language("jpn").build();
    }

    void load(String provider, int from, int to) {
        List<Page.Entry> page = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Record r = book(provider, "rec:" + i + " 番", "吾輩は猫である 第" + i + "巻");
            page.add(new Page.Accepted(new RawRecord(provider, r.id(), "csv", null, false, List.of(),
                    r.mainTitle().getBytes(StandardCharsets.UTF_8)), r));
        }
        store.commit(new Page(0, provider, page, null));
    }

    Document get(String query) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/oai?"
                + query)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as("OAI-PMH answers errors in XML with 200").isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/xml");
        return parse(r.body());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<String> texts(Document d, String ns, String name) {
        NodeList n = d.getElementsByTagNameNS(ns, name);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }

    static String error(Document d) {
        NodeList n = d.getElementsByTagNameNS(OAI, "error");
        return n.getLength() == 0 ? null : ((Element) n.item(0)).getAttribute("code");
    }

    static Element token(Document d) {
        NodeList n = d.getElementsByTagNameNS(OAI, "resumptionToken");
        return n.getLength() == 0 ? null : (Element) n.item(0);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Pages through a whole list; returns identifier → datestamp order of appearance. */
    List<String> harvestAll(String verb, String args, Runnable afterFirstPage) throws Exception {
        List<String> ids = new ArrayList<>();
        Document d = get("verb=" + verb + "&" + args);
        int pages = 0;
        while (true) {
            assertThat(error(d)).isNull();
            ids.addAll(texts(d, OAI, "identifier"));
            pages++;
            if (pages == 1 && afterFirstPage != null) {
                afterFirstPage.run();
            }
            Element t = token(d);
            if (t == null || t.getTextContent().isEmpty()) {
                break;
            }
            d = get("verb=" + verb + "&resumptionToken=" + enc(t.getTextContent()));
        }
        return ids;
    }

    @Test
    void identifyDescribesTheRepository() throws Exception {
        load("lib", 0, 3);
        Document d = get("verb=Identify");
        assertThat(texts(d, OAI, "repositoryName")).containsExactly("Kura テスト");
        assertThat(texts(d, OAI, "baseURL")).containsExactly("http://localhost/oai");
        assertThat(texts(d, OAI, "protocolVersion")).containsExactly("2.0");
        assertThat(texts(d, OAI, "deletedRecord")).containsExactly("persistent");
        assertThat(texts(d, OAI, "granularity")).containsExactly("YYYY-MM-DDThh:mm:ssZ");
        assertThat(texts(d, OAI, "earliestDatestamp").get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(texts(d, "http://www.openarchives.org/OAI/2.0/oai-identifier", "repositoryIdentifier"))
                .containsExactly("kura.example.org");
        assertThat(texts(d, OAI, "responseDate")).hasSize(1);
    }

    @Test
    void listMetadataFormatsAndSets() throws Exception {
        load("lib", 0, 1);
        assertThat(texts(get("verb=ListMetadataFormats"), OAI, "metadataPrefix")).containsExactly("oai_dc", "jpcoar_2.0");
        String id = texts(get("verb=ListIdentifiers&metadataPrefix=oai_dc"), OAI, "identifier").get(0);
        assertThat(texts(get("verb=ListMetadataFormats&identifier=" + enc(id)), OAI, "metadataPrefix")).hasSize(2);
        assertThat(error(get("verb=ListMetadataFormats&identifier=oai:kura.example.org:lib:nope"))).isEqualTo("idDoesNotExist");
        assertThat(texts(get("verb=ListSets"), OAI, "setSpec")).containsExactly("provider", "provider:lib", "provider:museum");
    }

    @Test
    void getRecordInBothFormatsWithAnIdentifierThatNeedsEscaping() throws Exception {
        load("lib", 0, 1);
        String id = texts(get("verb=ListIdentifiers&metadataPrefix=oai_dc"), OAI, "identifier").get(0);
        assertThat(id).isEqualTo("oai:kura.example.org:lib:rec:0%20%E7%95%AA");
        Document dc = get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc(id));
        assertThat(texts(dc, "http://purl.org/dc/elements/1.1/", "title")).containsExactly("吾輩は猫である 第0巻");
        assertThat(texts(dc, "http://purl.org/dc/elements/1.1/", "identifier")).contains("ISBN:9784003101018");
        assertThat(texts(dc, OAI, "setSpec")).containsExactly("provider:lib");
        Document jp = get("verb=GetRecord&metadataPrefix=jpcoar_2.0&identifier=" + enc(id));
        assertThat(texts(jp, JpcoarFormat.JPCOAR, "creatorName")).containsExactly("夏目, 漱石", "ナツメ, ソウセキ");
        assertThat(texts(jp, "http://purl.org/dc/elements/1.1/", "title")).containsExactly("吾輩は猫である 第0巻", "テスト");
        assertThat(error(get("verb=GetRecord&metadataPrefix=marc21&identifier=" + enc(id)))).isEqualTo("cannotDisseminateFormat");
        assertThat(error(get("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:other:lib:x"))).isEqualTo("idDoesNotExist");
        assertThat(error(get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:kura.example.org:lib:%ZZ"))))
                .isEqualTo("idDoesNotExist");
        assertThat(error(get("verb=GetRecord&metadataPrefix=oai_dc"))).isEqualTo("badArgument");
    }

    @Test
    void listsPageThroughEverythingExactlyOnceWithCursorAndSize() throws Exception {
        load("lib", 0, 20);
        load("museum", 0, 10);
        Document first = get("verb=ListRecords&metadataPrefix=oai_dc");
        assertThat(texts(first, OAI, "record")).hasSize(7);
        Element t = token(first);
        assertThat(t.getAttribute("completeListSize")).isEqualTo("30");
        assertThat(t.getAttribute("cursor")).isEqualTo("0");
        assertThat(t.getAttribute("expirationDate")).endsWith("Z");
        List<String> all = harvestAll("ListIdentifiers", "metadataPrefix=oai_dc", null);
        assertThat(all).hasSize(30).doesNotHaveDuplicates();
        assertThat(harvestAll("ListRecords", "metadataPrefix=jpcoar_2.0&set=provider:museum", null)).hasSize(10)
                .allMatch(id -> id.startsWith("oai:kura.example.org:museum:"));
        assertThat(harvestAll("ListRecords", "metadataPrefix=oai_dc&set=provider", null)).hasSize(30);
        assertThat(error(get("verb=ListRecords&metadataPrefix=oai_dc&set=provider:nobody"))).isEqualTo("noRecordsMatch");
        assertThat(error(get("verb=ListRecords&metadataPrefix=oai_dc&set=type:book"))).isEqualTo("noRecordsMatch");
    }

    @Test
    void recordsChangedWhileAClientPagesThroughAreNeitherLostNorStale() throws Exception {
        load("lib", 0, 21);
        List<String> ids = harvestAll("ListRecords", "metadataPrefix=oai_dc", () -> {
            // after page 1: change one record already sent, one not yet sent, delete one not yet sent, add one
            store.commit(new Page(0, "lib", List.of(
                    accepted(book("lib", "rec:0 番", "改訂版 0")),
                    accepted(book("lib", "rec:15 番", "改訂版 15")),
                    new Page.Deleted(new RawRecord("lib", "rec:16 番", "csv", null, true, List.of(), new byte[0])),
                    accepted(book("lib", "rec:new", "新しい本"))), null));
        });
        Set<String> distinct = new HashSet<>(ids);
        assertThat(distinct).hasSize(22); // 21 + the new one: nothing lost
        assertThat(ids).filteredOn(i -> i.endsWith(":rec:0%20%E7%95%AA")).hasSize(2); // sent, then sent again changed
    }

    static Page.Accepted accepted(Record r) {
        return new Page.Accepted(new RawRecord(r.providerId(), r.id(), "csv", null, false, List.of(),
                r.mainTitle().getBytes(StandardCharsets.UTF_8)), r);
    }

    @Test
    void deletionsArePersistentEvenAfterTheProviderIsRemoved() throws Exception {
        load("lib", 0, 3);
        load("museum", 0, 2);
        store.commit(new Page(0, "lib", List.of(new Page.Deleted(new RawRecord("lib", "rec:1 番", "csv", null, true,
                List.of(), new byte[0]))), null));
        Document d = get("verb=GetRecord&metadataPrefix=oai_dc&identifier=" + enc("oai:kura.example.org:lib:rec:1 番"));
        Element header = (Element) d.getElementsByTagNameNS(OAI, "header").item(0);
        assertThat(header.getAttribute("status")).isEqualTo("deleted");
        assertThat(d.getElementsByTagNameNS(OAI, "metadata").getLength()).isZero();

        store.removeProvider("museum");
        Document list = get("verb=ListRecords&metadataPrefix=oai_dc&set=provider:museum");
        NodeList headers = list.getElementsByTagNameNS(OAI, "header");
        assertThat(headers.getLength()).isEqualTo(2);
        for (int i = 0; i < headers.getLength(); i++) {
            assertThat(((Element) headers.item(i)).getAttribute("status")).isEqualTo("deleted");
        }
        assertThat(texts(get("verb=ListSets"), OAI, "setSpec")).doesNotContain("provider:museum");
    }

    @Test
    void fromAndUntilSelectByCatalogDatestampAtSecondsGranularity() throws Exception {
        load("lib", 0, 4);
        Thread.sleep(1100);
        Instant between = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        while (Instant.now().isBefore(between)) {
            Thread.sleep(50);
        }
        load("museum", 0, 3);
        assertThat(harvestAll("ListIdentifiers", "metadataPrefix=oai_dc&from=" + between, null)).hasSize(3)
                .allMatch(id -> id.contains(":museum:"));
        assertThat(harvestAll("ListIdentifiers", "metadataPrefix=oai_dc&until=" + between.minusSeconds(1), null)).hasSize(4)
                .allMatch(id -> id.contains(":lib:"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(harvestAll("ListIdentifiers", "metadataPrefix=oai_dc&from=" + today + "&until=" + today, null))
                .hasSize(7);
        assertThat(error(get("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01"))).isEqualTo("noRecordsMatch");
    }

    @Test
    void everyErrorConditionAnswersWithItsCode() throws Exception {
        load("lib", 0, 10);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "badVerb");
        cases.put("verb=Frobnicate", "badVerb");
        cases.put("verb=Identify&verb=Identify", "badVerb");
        cases.put("verb=Identify&foo=bar", "badArgument");
        cases.put("verb=ListRecords", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01T00:00:00", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01T00:00:00.5Z", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2020-01-01&until=2020-01-02T00:00:00Z", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=oai_dc&from=2021-01-01&until=2020-01-01", "badArgument");
        cases.put("verb=ListRecords&metadataPrefix=nope", "cannotDisseminateFormat");
        cases.put("verb=ListRecords&resumptionToken=garbage", "badResumptionToken");
        cases.put("verb=ListRecords&resumptionToken=" + enc("a.b"), "badResumptionToken");
        cases.put("verb=ListSets&resumptionToken=x", "badResumptionToken");
        cases.put("verb=GetRecord&identifier=x", "badArgument");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(error(get(c.getKey()))).as(c.getKey()).isEqualTo(c.getValue());
        }
        String token = token(get("verb=ListRecords&metadataPrefix=oai_dc")).getTextContent();
        assertThat(error(get("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=" + enc(token))))
                .as("resumptionToken is exclusive").isEqualTo("badArgument");
        assertThat(error(get("verb=ListIdentifiers&resumptionToken=" + enc(token))))
                .as("a ListRecords token is not a ListIdentifiers token").isEqualTo("badResumptionToken");
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        assertThat(error(get("verb=ListRecords&resumptionToken=" + enc(tampered)))).isEqualTo("badResumptionToken");
        now.set(Instant.now().plus(Duration.ofHours(2)));
        assertThat(error(get("verb=ListRecords&resumptionToken=" + enc(token)))).as("expired").isEqualTo("badResumptionToken");
        now.set(null);
        assertThat(error(get("verb=ListRecords&resumptionToken=" + enc(token)))).isNull();
    }

    @Test
    void postWithAFormBodyWorksLikeGet() throws Exception {
        load("lib", 0, 2);
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/oai"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("verb=ListIdentifiers&metadataPrefix=oai_dc")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(texts(parse(r.body()), OAI, "identifier")).hasSize(2);
    }

    @Test
    void kurasOwnHarvesterHarvestsKuraAndGetsTheSameRecordsBack() throws Exception {
        load("lib", 0, 25);
        store.commit(new Page(0, "lib", List.of(new Page.Deleted(new RawRecord("lib", "rec:3 番", "csv", null, true,
                List.of(), new byte[0]))), null));
        OaiClientSettings client = new OaiClientSettings("Kura test", Duration.ofSeconds(10), 1, Duration.ofMillis(10),
                Duration.ofSeconds(1), Duration.ZERO, 64L << 20, 1L << 20);
        for (String prefix : List.of("oai_dc", "jpcoar_2.0")) {
            try (CatalogStore mirror = CatalogStores.open(CatalogSettings.h2(dir.resolve("mirror-" + prefix)))) {
                mirror.saveProvider(Provider.of("kura", "Kura").withOai("http://127.0.0.1:" + server.port() + "/oai",
                        prefix, List.of()));
                HarvestRun run = new HarvestService(mirror, new StandardCrosswalks(), client)
                        .harvest("kura", HarvestOptions.incremental(), ProgressListener.NONE);
                assertThat(run.state()).as(run.error()).isEqualTo(HarvestRun.State.COMPLETED);
                assertThat(run.harvested()).isEqualTo(25);
                assertThat(run.deleted()).isEqualTo(1);
                assertThat(run.quarantined()).isZero();
                assertThat(mirror.countRecords("kura", false)).isEqualTo(24);
                StoredRecord copy = mirror.record("kura", "oai:kura.example.org:lib:rec:7%20%E7%95%AA").orElseThrow();
                Record original = store.record("lib", "rec:7 番").orElseThrow().normalized();
                Record back = copy.normalized();
                assertThat(back.mainTitle()).isEqualTo(original.mainTitle());
                assertThat(back.agents()).extracting(Agent::name).containsExactly("夏目, 漱石");
                assertThat(back.publishers()).extracting(Agent::name).containsExactly("岩波書店");
                assertThat(back.materialType()).isEqualTo(MaterialType.BOOK);
                assertThat(back.issued().start()).isEqualTo(LocalDate.of(1905, 1, 1));
                assertThat(back.identifiers(IdentifierType.ISBN)).extracting(i -> i.value()).containsExactly("9784003101018");
                assertThat(back.languages()).containsExactly("jpn");
                assertThat(back.subjects()).extracting(Subject::value).contains("913.6");
                if (prefix.startsWith("jpcoar")) {
                    assertThat(back.titles().get(0).reading()).isEqualTo("テスト");
                    assertThat(back.agents().get(0).reading()).isEqualTo("ナツメ, ソウセキ");
                }
                // incremental: a second harvest brings nothing new, a change brings exactly that record
                HarvestRun again = new HarvestService(mirror, new StandardCrosswalks(), client)
                        .harvest("kura", HarvestOptions.incremental(), ProgressListener.NONE);
                assertThat(again.stored()).isZero();
            }
        }
    }
}
