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
    final Path dir;
    final CatalogStore store;
    final EmbeddedSolrBackend solr;
    final KuraServer server;
    final Curation curation;

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
                .rights(new Rights(ReuseCondition.PDM, null, null)).accessTier(AccessTier.PUBLIC).build()));
        lib.add(accepted(Record.builder("kokugaku-2", "lib").materialType(MaterialType.BOOK)
                .title(new Title("国学の研究", null, TitleType.MAIN, "ja")).agent(Agent.of("芳賀, 矢一", Role.AUTHOR))
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
                .build())), null));
        store.saveProvider(Provider.of("univ", "テスト大学図書館"));
        // the same article from a second provider: one work cluster (same title, no creator, no date)
        store.commit(new Page(0, "univ", List.of(accepted(Record.builder("u-77", "univ").materialType(MaterialType.ARTICLE)
                .title(new Title("スラッシュのある識別子", null, TitleType.MAIN, "ja")).build())), null));
        store.saveItem(new ItemEntry("item-secret", "lib", "kokugaku-2", AccessTier.WITHHELD, "非公開の題名", 7, Instant.now()));
        store.saveItem(new ItemEntry("item-kokugaku", "lib", "kokugaku-1", AccessTier.PUBLIC, "國學の本義 画像", 3, Instant.now()));
        solr = new EmbeddedSolrBackend(dir.resolve("solr"), "kura");
        new Indexer(store, solr).catchUp();
        Searcher searcher = new Searcher(solr);
        Pages pages = new Pages();
        curation = new Curation(store);
        curation.save(new Theme("kokugaku", "国学の歩み", "A history of kokugaku", "国学に関する資料を時代順に。",
                "Materials on kokugaku, in order of time.", "国学", Map.of("type", List.of("BOOK")), List.of("lib:kokugaku-1")));
        curation.save(new Gallery("meiji-books", "明治・大正の本", "Books of Meiji and Taisho", "二冊の本から。", "From two books.",
                List.of(new Gallery.Section("学問", "Scholarship", "<b>国学</b>の本。", "Books on kokugaku.",
                        List.of(new Gallery.Item("lib:kokugaku-2", "芳賀矢一の研究", "Haga Yaichi's study"),
                                new Gallery.Item("lib:gone", "消えた資料", "A record that is gone"))))));
        server = new KuraServer(new ServerSettings("127.0.0.1", 0, "http://localhost", ADMIN_TOKEN),
                KuraServer.newMetricsRegistry(), List.of(
                new PortalRoutes(pages, store, searcher, new SchemaOrgMapper(new UriScheme("http://localhost")), curation,
                        new ItemAccess(new org.kura.server.access.AccessPolicy(),
                                new org.kura.server.access.PrincipalResolver(store, ADMIN_TOKEN, List.of()))),
                new CuratedRoutes(pages, store, searcher, curation), new CollectionRoutes(curation, searcher),
                new org.kura.server.oai.OaiPmhRoutes(store, new org.kura.server.oai.OaiPmhRoutes.Settings("Kura", "http://localhost/oai",
                        "admin@example.org", "kura.example.org", 1, java.time.Duration.ofHours(1), new byte[32]),
                        List.of(new org.kura.server.oai.OaiDcFormat()), java.time.Clock.systemUTC(),
                        new CollectionMembership(curation, searcher)),
                new AdminRoutes(pages, store, curation, new AdminSessions(ADMIN_TOKEN), new org.kura.ingest.pipeline.HarvestMonitor(), null),
                new SearchRoutes(searcher), PortalFixture::manifestRoute,
                new HealthRoutes(Map.of("search", solr::healthy)))).errorPage(pages::renderError).start();
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
        solr.close();
        store.close();
    }
}
