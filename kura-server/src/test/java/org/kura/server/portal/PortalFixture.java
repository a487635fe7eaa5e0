package org.kura.server.portal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.ItemEntry;
import org.kura.catalog.Page;
import org.kura.catalog.QuarantineEntry;
import org.kura.lod.SchemaOrgMapper;
import org.kura.lod.UriScheme;
import org.kura.model.AccessTier;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.GeoLocation;
import org.kura.model.Identifier;
import org.kura.model.IdentifierType;
import org.kura.model.Link;
import org.kura.model.LinkKind;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.ProviderKind;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Rights;
import org.kura.model.Role;
import org.kura.model.Subject;
import org.kura.model.SubjectScheme;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.search.EmbeddedSolrBackend;
import org.kura.search.Indexer;
import org.kura.search.Searcher;
import org.kura.server.HealthRoutes;
import org.kura.server.KuraServer;
import org.kura.server.SearchRoutes;
import org.kura.server.ServerSettings;

/**
 * A catalog, a real embedded Solr index and a server with the portal, over records written for the
 * portal's tests: Japanese titles with readings and variant forms, identifiers, a digitized item, an
 * identifier with {@code / ? +}, and hostile content (markup in titles, {@code javascript:} links).
 */
final class PortalFixture implements AutoCloseable {
    static final String SLASHED_ID = "https://repo.example/items/12?v=1+2";
    static final String ADMIN_TOKEN = "test-admin-token-0123456789";
    static final List<String> TRUSTED = List.of("127.0.0.1");
    final Path dir;
    final CatalogStore store;
    final EmbeddedSolrBackend solr;
    final KuraServer server;
    final Curation curation;
    final org.kura.repository.OcflObjectStore objects;
    final org.kura.fulltext.PageTextIndex textIndex;
    final org.kura.server.access.ReaderSessions readers;
    final org.kura.server.access.PrincipalResolver principals;
    /** The index's one writer thread, as the server's change-log follower is (rebuilds from the staff area run on it). */
    final java.util.concurrent.ExecutorService indexing = java.util.concurrent.Executors.newSingleThreadExecutor();

    PortalFixture() throws Exception {
        dir = Files.createTempDirectory("kura-portal");
        store = CatalogStores.open(CatalogSettings.h2(dir.resolve("catalog")));
        store.saveProvider(new Provider("lib", "国立テスト図書館", "National Test Library", "JP-1000001", ProviderKind.LIBRARY,
                null, "oai_dc", List.of(), null, ReuseCondition.UNKNOWN, ReuseCondition.CC0, null));
        store.saveProvider(new Provider("evil", "<img src=x onerror=alert(1)>館", null, null, ProviderKind.MUSEUM,
                null, "oai_dc", List.of(), null, null, null, null));
        List<Page.Entry> lib = new ArrayList<>();
        lib.add(accepted(Record.builder("kokugaku-1", "lib").materialType(MaterialType.BOOK)
                .title(new Title("國學の本義", "コクガク ノ ホンギ", TitleType.MAIN, "ja"))
                .title(new Title("Kokugaku no hongi", null, TitleType.PARALLEL, "en"))
                .agent(new Agent("山田, 孝雄", "ヤマダ, ヨシオ", Role.AUTHOR, List.of(), null))
                .publisher(Agent.of("畝傍書房", Role.PUBLISHER)).place("東京")
                .date(DateValue.parse("1942", DateType.ISSUED)).language("jpn")
                .subject(new Subject("国学", SubjectScheme.NDLSH, null)).subject(new Subject("121.2", SubjectScheme.NDC10, null))
                .identifier(Identifier.of(IdentifierType.ISBN, "9784003101018"))
                .identifier(Identifier.of(IdentifierType.DOI, "10.11501/1234567"))
                .link(new Link("https://lib.example/kokugaku-1", LinkKind.LANDING_PAGE, null))
                .geoLocation(GeoLocation.point(35.6895, 139.6917, "東京"))
                .rights(new Rights(ReuseCondition.PDM, null, null)).accessTier(AccessTier.PUBLIC).build()));
        lib.add(accepted(Record.builder("kokugaku-2", "lib").materialType(MaterialType.BOOK)
                .title(new Title("国学の研究", null, TitleType.MAIN, "ja")).agent(Agent.of("芳賀, 矢一", Role.AUTHOR))
                .geoLocation(GeoLocation.point(34.5781, 136.5275, "松阪"))
                .date(DateValue.parse("1905", DateType.ISSUED)).rights(new Rights(ReuseCondition.RS_INC, null, null)).build()));
        lib.add(accepted(Record.builder(SLASHED_ID, "lib").materialType(MaterialType.ARTICLE)
                .title(new Title("スラッシュのある識別子", null, TitleType.MAIN, "ja")).build()));
        lib.add(new Page.Rejected("broken-7", "oai_dc", "<record><unclosed>".getBytes(StandardCharsets.UTF_8),
                QuarantineEntry.Stage.PARSE, "XML not well-formed: unclosed element"));
        store.commit(new Page(0, "lib", lib, null));
        store.commit(new Page(0, "evil", List.of(accepted(Record.builder("x1", "evil")
                .title(new Title("<script>alert('t')</script>悪意の題", null, TitleType.MAIN, "ja"))
                .agent(Agent.of("\"><svg onload=alert(2)>", Role.AUTHOR))
                .link(new Link("javascript:alert(3)", LinkKind.LANDING_PAGE, "click me"))
                .link(new Link("javascript:alert(4)", LinkKind.THUMBNAIL, null))
                .description("</script><script>alert(5)</script>")
                .geoLocation(GeoLocation.point(35.0116, 135.7681, "<img src=x onerror=alert(6)>京都"))
                .build())), null));
        store.saveProvider(Provider.of("univ", "テスト大学図書館"));
        // the same article from a second provider: one work cluster (same title, no creator, no date)
        store.commit(new Page(0, "univ", List.of(accepted(Record.builder("u-77", "univ").materialType(MaterialType.ARTICLE)
                .title(new Title("スラッシュのある識別子", null, TitleType.MAIN, "ja")).build())), null));
        store.saveItem(new ItemEntry("item-secret", "lib", "kokugaku-2", AccessTier.WITHHELD, "非公開の題名", 7, Instant.now()));
        store.saveItem(new ItemEntry("item-kokugaku", "lib", "kokugaku-1", AccessTier.PUBLIC, "國學の本義 画像", 3, Instant.now()));
        // a DOI on the record page (its block is in the pages the browser and accessibility tests load)
        store.assignDoi("item-kokugaku", seq -> "10.99999/kura.item-kokugaku");
        objects = new org.kura.repository.OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
        textIndex = new org.kura.fulltext.PageTextIndex(new EmbeddedSolrBackend(dir.resolve("solr-text"), "text"));
        org.kura.fulltext.TextStore texts = new org.kura.fulltext.TextStore(objects, dir.resolve("work"));
        textItem("item-text", "kokugaku-1", AccessTier.PUBLIC, "國學の本義", texts);
        textItem("item-text-lib", "kokugaku-2", AccessTier.LIBRARY, "国学の研究", texts);
        solr = new EmbeddedSolrBackend(dir.resolve("solr"), "kura");
        new Indexer(store, solr).catchUp();
        Searcher searcher = new Searcher(solr);
        readers = new org.kura.server.access.ReaderSessions(store, java.time.Clock.systemUTC());
        // the test client is its own trusted proxy: X-Forwarded-For stands for the reader's address
        principals = new org.kura.server.access.PrincipalResolver(store, ADMIN_TOKEN, TRUSTED, readers);
        org.kura.search.GeoSearch geo = new org.kura.search.GeoSearch(solr);
        Pages pages = new Pages(readers);
        curation = new Curation(store);
        curation.save(new Theme("kokugaku", "国学の歩み", "A history of kokugaku", "国学に関する資料を時代順に。",
                "Materials on kokugaku, in order of time.", "国学", Map.of("type", List.of("BOOK")), List.of("lib:kokugaku-1")));
        curation.save(new Gallery("meiji-books", "明治・大正の本", "Books of Meiji and Taisho", "二冊の本から。", "From two books.",
                List.of(new Gallery.Section("学問", "Scholarship", "<b>国学</b>の本。", "Books on kokugaku.",
                        List.of(new Gallery.Item("lib:kokugaku-2", "芳賀矢一の研究", "Haga Yaichi's study"),
                                new Gallery.Item("lib:gone", "消えた資料", "A record that is gone"))))));
        AdminSessions staff = new AdminSessions(ADMIN_TOKEN);
        org.kura.server.staff.Registrations registry = new org.kura.server.staff.Registrations(store, principals, readers,
                new org.kura.server.staff.StaffLog());
        // a port chosen before the start: the IIIF routes name their resources with absolute URLs the browser follows
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        server = new KuraServer(new ServerSettings("127.0.0.1", port, "http://localhost", ADMIN_TOKEN),
                KuraServer.newMetricsRegistry(), List.of(
                new PortalRoutes(pages, store, searcher, new SchemaOrgMapper(new UriScheme("http://localhost")), curation,
                        new ItemAccess(new org.kura.server.access.AccessPolicy(), principals)),
                new CuratedRoutes(pages, store, searcher, curation), new CollectionRoutes(curation, searcher),
                new MapRoutes(geo, curation),
                new org.kura.server.oai.OaiPmhRoutes(store, new org.kura.server.oai.OaiPmhRoutes.Settings("Kura", "http://localhost/oai",
                        "admin@example.org", "kura.example.org", 1, java.time.Duration.ofHours(1), new byte[32]),
                        List.of(new org.kura.server.oai.OaiDcFormat()), java.time.Clock.systemUTC(),
                        new CollectionMembership(curation, searcher)),
                new AdminRoutes(pages, store, curation, staff, new org.kura.ingest.pipeline.HarvestMonitor(), null,
                        new IndexRebuild(new Indexer(store, solr), solr, indexing)),
                new QuarantineAdminRoutes(pages, staff, store,
                        new org.kura.ingest.pipeline.QuarantineRetry(store, new org.kura.ingest.crosswalk.StandardCrosswalks())),
                new ReaderRoutes(pages, readers, TRUSTED),
                new ReaderAdminRoutes(pages, staff, registry, TRUSTED), new InstitutionAdminRoutes(pages, staff, registry, TRUSTED),
                new TerminalAdminRoutes(pages, staff, registry, TRUSTED),
                new AccountRoutes(pages, readers, registry, new org.kura.server.access.AccessPolicy(), TRUSTED),
                new org.kura.server.staff.RegistryApiRoutes(registry,
                        p -> pages.messages().get(Lang.EN, p.key(), p.value() == null ? "" : p.value()), TRUSTED),
                new SearchRoutes(searcher, geo), PortalFixture::manifestRoute,
                textRoutes(store, objects, texts, textIndex, pages, "http://127.0.0.1:" + port, searcher),
                new HealthRoutes(Map.of("search", solr::healthy)))).errorPage(pages::renderError).start();
    }

    /** The text of page 2 of both items with text: 国学 near the start, hostile markup beside it, a sentinel 100 characters on. */
    static final String PAGE_TEXT = "本居宣長は国学を大成した。<script>alert('ft')</script>古事記伝を著す。" + "あ".repeat(60) + "秘伝の結び";

    /**
     * A digitized item of two drawn pages whose second page carries {@link #PAGE_TEXT} as ALTO with line
     * boxes (so a search inside the item places its hits), indexed in the page-text index.
     */
    private void textItem(String id, String record, AccessTier tier, String title, org.kura.fulltext.TextStore texts) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src-" + id));
        for (int p = 1; p <= 2; p++) {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(1000, 1400, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 1000, 1400);
            g.setColor(java.awt.Color.BLACK);
            g.fillRect(100, 200, 800, 40); // where the text line is
            g.dispose();
            javax.imageio.ImageIO.write(img, "png", src.resolve("p" + p + ".png").toFile());
        }
        new org.kura.repository.ItemIngester(objects, dir.resolve("work")).ingest(
                new org.kura.repository.ItemIngester.Request(src, "lib:" + record, tier, id, title, "test"));
        store.saveItem(new ItemEntry(id, "lib", record, tier, title, 2, Instant.now()));
        Path text = Files.createDirectories(dir.resolve("text-" + id));
        String escaped = PAGE_TEXT.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        Files.writeString(text.resolve("0002.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout><Page WIDTH="1000" HEIGHT="1400"><PrintSpace>
                <TextBlock><TextLine HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40"><String CONTENT="%s" HPOS="100" VPOS="200" WIDTH="800" HEIGHT="40"/></TextLine></TextBlock>
                </PrintSpace></Page></Layout></alto>
                """.formatted(escaped));
        new org.kura.fulltext.TextIngester(texts, new org.kura.fulltext.PageTextReaders()).ingest(id, text, "test");
        new org.kura.fulltext.TextIndexer(texts, textIndex).index(new org.kura.fulltext.PageTextIndex.ItemInfo(id, "lib:" + record, "lib",
                tier, title));
    }

    /** The IIIF image and manifest routes, the text routes and the full-text results page over the items above. */
    private org.kura.server.RouteGroup textRoutes(CatalogStore store, org.kura.repository.OcflObjectStore objects,
                                                 org.kura.fulltext.TextStore texts, org.kura.fulltext.PageTextIndex index, Pages pages,
                                                 String base, Searcher searcher) {
        org.kura.iiif.ImageService images = new org.kura.iiif.ImageService(objects, org.kura.iiif.ImageLimits.defaults(),
                new org.kura.iiif.DerivativeCache(dir.resolve("cache"), 16L << 20));
        org.kura.server.access.AccessAudit audit = new org.kura.server.access.AccessAudit(store);
        org.kura.server.access.ItemGate gate = new org.kura.server.access.ItemGate(store, new org.kura.server.access.AccessPolicy(),
                principals, audit, TRUSTED);
        org.kura.fulltext.FullTextSearch search = new org.kura.fulltext.FullTextSearch(index,
                new org.kura.fulltext.SnippetGuard(org.kura.fulltext.SnippetLimits.DEFAULT, java.time.Clock.systemUTC()));
        List<org.kura.server.RouteGroup> groups = List.of(
                new org.kura.server.iiif.IiifRoutes(images, objects, store, new org.kura.server.access.AccessPolicy(), principals, audit,
                        base, TRUSTED, (item, b) -> org.kura.fulltext.ContentSearch.services(b, item.id())),
                new org.kura.server.fulltext.TextRoutes(search, new org.kura.fulltext.ContentSearch(index, texts), texts, images, gate,
                        null, base, new org.kura.server.fulltext.MetadataScope(searcher)),
                new FullTextPageRoutes(pages, search, gate, new org.kura.server.fulltext.MetadataScope(searcher)),
                new org.kura.server.iiif.IiifCollectionRoutes(store, curation, new CollectionMembership(curation, searcher), gate, base));
        return app -> groups.forEach(g -> g.addTo(app));
    }

    /** A small IIIF Presentation 3.0 manifest for the viewer test (the IIIF routes have their own tests). */
    private static void manifestRoute(io.javalin.Javalin app) {
        app.get("/test/manifest.json", ctx -> {
            String base = "http://" + ctx.host();
            ctx.contentType("application/ld+json").result("""
                    {"@context":"http://iiif.io/api/presentation/3/context.json","id":"%1$s/test/manifest.json",
                     "type":"Manifest","label":{"ja":["ビューア試験資料"]},
                     "items":[{"id":"%1$s/test/canvas/1","type":"Canvas","width":1000,"height":1400,
                       "items":[{"id":"%1$s/test/page/1","type":"AnnotationPage","items":[{"id":"%1$s/test/anno/1",
                         "type":"Annotation","motivation":"painting","target":"%1$s/test/canvas/1",
                         "body":{"id":"%1$s/assets/none.jpg","type":"Image","format":"image/jpeg","width":1000,"height":1400}}]}]}]}
                    """.formatted(base));
        });
    }

    private static Page.Accepted accepted(Record r) {
        return new Page.Accepted(new RawRecord(r.providerId(), r.id(), "oai_dc", null, false, List.of(),
                r.mainTitle().getBytes(StandardCharsets.UTF_8)), r);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws Exception {
        server.close();
        indexing.shutdownNow();
        indexing.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        solr.close();
        textIndex.close();
        objects.close();
        store.close();
    }
}
