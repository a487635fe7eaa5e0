package org.kura.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Theme portals, galleries and the staff area over HTTP: scoping, escaping, login, sessions and CSRF. */
class CuratedAndAdminTest {
    static PortalFixture fx;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        fx = new PortalFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String cookie, String... form) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.length; i += 2) {
            body.append(i == 0 ? "" : "&").append(PortalTest.enc(form[i])).append('=').append(PortalTest.enc(form[i + 1]));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aThemeHasItsLandingPageTimelineAndScopedSearch() throws Exception {
        assertThat(get("/themes", null).body()).contains("国学の歩み", "/themes/kokugaku");
        String page = get("/themes/kokugaku", null).body();
        assertThat(page).contains("<h1>国学の歩み</h1>", "国学に関する資料を時代順に。", "name=\"theme\" value=\"kokugaku\"",
                "このテーマの資料 2 件をすべて見る");
        assertThat(page).containsSubsequence("注目の資料", "國學の本義", "年表", "1905", "国学の研究", "1942", "國學の本義");
        assertThat(page).contains("/search?theme=kokugaku&amp;year_from=1900&amp;year_to=1909");
        String scoped = get("/search?theme=kokugaku&q=" + PortalTest.enc("研究"), null).body();
        assertThat(scoped).contains("国学の研究", "テーマ: 国学の歩み").doesNotContain("國學の本義");
        assertThat(get("/search?theme=kokugaku&type=ARTICLE", null).body()).as("a reader cannot leave the theme")
                .contains("該当する資料は見つかりませんでした");
        assertThat(get("/search?theme=kokugaku&q=" + PortalTest.enc("スラッシュ"), null).body())
                .contains("該当する資料は見つかりませんでした");
        assertThat(get("/themes/kokugaku?lang=en", null).body()).contains("A history of kokugaku", "Timeline", "Featured");
        assertThat(get("/themes/nothing", null).statusCode()).isEqualTo(404);
        assertThat(get("/search?theme=nothing", null).statusCode()).isEqualTo(404);
        assertThat(get("/", null).body()).contains("/themes/kokugaku", "/galleries/meiji-books");
    }

    @Test
    void themesAreCollectionsForMachines() throws Exception {
        HttpResponse<String> list = get("/api/collections", null);
        assertThat(list.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode all = org.kura.catalog.RecordJson.mapper().readTree(list.body());
        assertThat(all.path("collections")).hasSize(1);
        assertThat(all.path("collections").get(0).path("id").asText()).isEqualTo("kokugaku");
        assertThat(all.path("collections").get(0).path("records").asLong()).isEqualTo(2);
        com.fasterxml.jackson.databind.JsonNode one = org.kura.catalog.RecordJson.mapper()
                .readTree(get("/api/collections/kokugaku", null).body());
        assertThat(one.path("title").path("en").asText()).isEqualTo("A history of kokugaku");
        assertThat(one.path("filters").path("type").get(0).asText()).isEqualTo("BOOK");
        assertThat(one.path("featured").get(0).asText()).isEqualTo("lib:kokugaku-1");
        assertThat(one.path("links").path("search").asText()).isEqualTo("/search?theme=kokugaku");
        HttpResponse<String> missing = get("/api/collections/none", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }

    @Test
    void collectionsAreOaiPmhSetsPagedByTheirTokens() throws Exception {
        assertThat(get("/oai?verb=ListSets", null).body()).contains("<setSpec>collection:kokugaku</setSpec>",
                "国学の歩み / A history of kokugaku");
        java.util.List<String> ids = new java.util.ArrayList<>();
        String url = "/oai?verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:kokugaku";
        for (int guard = 0; url != null && guard < 20; guard++) {
            String body = get(url, null).body();
            assertThat(body).doesNotContain("<error");
            Matcher id = Pattern.compile("<identifier>([^<]+)</identifier>").matcher(body);
            while (id.find()) {
                ids.add(id.group(1));
            }
            assertThat(body.split("<header>").length - 1).as("page size 1").isLessThanOrEqualTo(1);
            Matcher token = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(body);
            url = token.find() ? "/oai?verb=ListIdentifiers&resumptionToken=" + PortalTest.enc(token.group(1)) : null;
        }
        assertThat(url).as("the list ended").isNull();
        assertThat(ids).hasSize(2).allMatch(i -> i.endsWith("kokugaku-1") || i.endsWith("kokugaku-2"));
        String records = get("/oai?verb=ListRecords&metadataPrefix=oai_dc&set=collection:kokugaku", null).body();
        assertThat(records).contains("<setSpec>collection:kokugaku</setSpec>", "<setSpec>provider:lib</setSpec>");
        assertThat(get("/oai?verb=ListRecords&metadataPrefix=oai_dc&set=collection:nothing", null).body())
                .contains("code=\"noRecordsMatch\"");
        assertThat(get("/oai?verb=ListRecords&metadataPrefix=oai_dc&set=collection", null).body()).contains("noRecordsMatch");
    }

    @Test
    void aGalleryShowsSectionsWithCaptionsAndEscapesStaffText() throws Exception {
        assertThat(get("/galleries", null).body()).contains("明治・大正の本");
        String g = get("/galleries/meiji-books", null).body();
        assertThat(g).contains("<h1>明治・大正の本</h1>", "<h2>学問</h2>", "&lt;b&gt;国学&lt;/b&gt;の本。", "芳賀矢一の研究",
                "/records/lib/kokugaku-2").doesNotContain("消えた資料");
        assertThat(get("/galleries/meiji-books?lang=en", null).body()).contains("Books of Meiji and Taisho", "Haga Yaichi");
        assertThat(get("/galleries/none", null).statusCode()).isEqualTo(404);
    }

    /** A staff session: its cookie and CSRF token. */
    static String[] login() throws Exception {
        HttpResponse<String> ok = post("/admin/login", null, "token", PortalFixture.ADMIN_TOKEN);
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/admin", cookie).body());
        assertThat(m.find()).isTrue();
        return new String[] {cookie, m.group(1)};
    }

    @Test
    void staffRebuildTheSearchIndexWhileTheOldOneAnswers() throws Exception {
        String[] staff = login();
        HttpResponse<String> dashboard = get("/admin", staff[0]);
        assertThat(dashboard.body()).contains("検索索引", "action=\"/admin/reindex\"").doesNotContain("以前の検索設定");
        long before = fx.solr.client().query(fx.solr.collection(), new org.apache.solr.client.solrj.SolrQuery("*:*").setRows(0))
                .getResults().getNumFound();
        assertThat(post("/admin/reindex", staff[0]).statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> started = post("/admin/reindex", staff[0], "csrf", staff[1]);
        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(java.net.URLDecoder.decode(started.headers().firstValue("Location").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("再構築を始めました");
        String body = "";
        for (int i = 0; i < 300 && !body.contains("前回の再構築"); i++) {
            Thread.sleep(100);
            body = get("/admin", staff[0]).body();
            assertThat(get("/api/search?q=" + PortalTest.enc("国学"), null).statusCode()).as("search answers meanwhile").isEqualTo(200);
        }
        assertThat(body).contains("前回の再構築", before + "件");
        assertThat(fx.solr.client().query(fx.solr.collection(), new org.apache.solr.client.solrj.SolrQuery("*:*").setRows(0))
                .getResults().getNumFound()).isEqualTo(before);
    }

    @Test
    void staffBrowseTheQuarantineAndRetryWhatTodaysCrosswalkAccepts() throws Exception {
        org.kura.catalog.CatalogStore store = fx.store;
        store.saveProvider(org.kura.model.Provider.of("qtest", "隔離の試験"));
        org.kura.catalog.HarvestRun run = store.startRun("qtest", org.kura.catalog.HarvestRun.Kind.HARVEST, "test");
        String good = "<oai_dc:dc xmlns:oai_dc=\"http://www.openarchives.org/OAI/2.0/oai_dc/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>隔離から戻る本</dc:title></oai_dc:dc>";
        String hostile = "<oai_dc:dc><dc:title><script>alert('q')</script>";
        store.commit(new org.kura.catalog.Page(run.id(), "qtest", List.of(
                new org.kura.catalog.Page.Rejected("oai:q:1", "oai_dc", good.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        org.kura.catalog.QuarantineEntry.Stage.CROSSWALK, "refused by an earlier crosswalk"),
                new org.kura.catalog.Page.Rejected("oai:q:2", "oai_dc", hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        org.kura.catalog.QuarantineEntry.Stage.CROSSWALK, "malformed <b>XML</b>")), null));
        List<org.kura.catalog.QuarantineEntry> entries = store.quarantine("qtest", 0, 10);
        long good1 = entries.get(0).id();

        assertThat(get("/admin/quarantine?provider=qtest", null).statusCode()).as("staff only").isEqualTo(303);
        String[] staff = login();
        HttpResponse<String> list = get("/admin/quarantine", staff[0]);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("href=\"/admin/quarantine?provider=qtest\"");
        HttpResponse<String> page = get("/admin/quarantine?provider=qtest", staff[0]);
        assertThat(page.body()).contains("oai:q:1", "refused by an earlier crosswalk", "CROSSWALK", "malformed &lt;b&gt;XML&lt;/b&gt;")
                .contains("&lt;script&gt;alert(")
                .doesNotContain("<script>alert('q')", "<b>XML</b>");
        assertThat(get("/admin/quarantine?provider=nobody", staff[0]).statusCode()).isEqualTo(404);

        assertThat(post("/admin/quarantine/" + good1 + "/retry", staff[0]).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(store.quarantineEntry(good1)).isPresent();
        HttpResponse<String> retried = post("/admin/quarantine/" + good1 + "/retry", staff[0], "csrf", staff[1]);
        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(retried.headers().firstValue("Location").orElseThrow()).startsWith("/admin/quarantine?provider=qtest&message=");
        assertThat(store.quarantineEntry(good1)).isEmpty();
        assertThat(store.record("qtest", "oai:q:1")).hasValueSatisfying(r -> assertThat(r.normalized().mainTitle()).isEqualTo("隔離から戻る本"));

        HttpResponse<String> all = post("/admin/quarantine/retry?provider=qtest", staff[0], "csrf", staff[1]);
        assertThat(all.statusCode()).isEqualTo(303);
        assertThat(get(all.headers().firstValue("Location").orElseThrow(), staff[0]).body())
                .contains("1件を再試行", "隔離に1件が残っています").contains("oai:q:2").doesNotContain("oai:q:1");
        assertThat(store.countQuarantine("qtest")).isEqualTo(1);
        assertThat(post("/admin/quarantine/999999/retry", staff[0], "csrf", staff[1]).statusCode()).isEqualTo(404);
        assertThat(post("/admin/quarantine/x/retry", staff[0], "csrf", staff[1]).statusCode()).isEqualTo(404);
    }

    @Test
    void theStaffAreaNeedsALoginAndEveryFormItsCsrfToken() throws Exception {
        HttpResponse<String> anonymous = get("/admin", null);
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(post("/admin/themes", null, "id", "x", "titleJa", "x").statusCode()).isEqualTo(401);
        assertThat(get("/admin/login", null).body()).contains("type=\"password\"");
        HttpResponse<String> wrong = post("/admin/login", null, "token", "guess");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("トークンが正しくありません").doesNotContain(PortalFixture.ADMIN_TOKEN);
        HttpResponse<String> ok = post("/admin/login", null, "token", PortalFixture.ADMIN_TOKEN);
        assertThat(ok.statusCode()).isEqualTo(303);
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> dashboard = get("/admin", cookie);
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(dashboard.body()).contains("国立テスト図書館", "実行中の収集はありません");
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(dashboard.body());
        assertThat(m.find()).isTrue();
        String csrf = m.group(1);

        assertThat(post("/admin/themes", cookie, "id", "edo", "titleJa", "江戸").statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(post("/admin/themes", cookie, "csrf", "forged", "id", "edo", "titleJa", "江戸").statusCode()).isEqualTo(403);
        assertThat(fx.curation.theme("edo")).isEmpty();
        HttpResponse<String> saved = post("/admin/themes", cookie, "csrf", csrf, "id", "edo", "titleJa", "江戸の学問",
                "titleEn", "Learning in Edo", "query", "国学", "filters", "reuse=PDM\n", "featured", "lib:kokugaku-1");
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(fx.curation.theme("edo")).hasValueSatisfying(t -> assertThat(t.filters()).containsKey("reuse"));
        assertThat(get("/themes/edo", null).body()).contains("江戸の学問", "このテーマの資料 1 件をすべて見る");
        HttpResponse<String> badFacet = post("/admin/themes", cookie, "csrf", csrf, "id", "bad", "titleJa", "悪い",
                "filters", "colour=red");
        assertThat(badFacet.statusCode()).isEqualTo(400);
        assertThat(badFacet.body()).contains("unknown filter colour");
        assertThat(post("/admin/themes", cookie, "csrf", csrf, "id", "../etc", "titleJa", "x").statusCode()).isEqualTo(400);

        HttpResponse<String> badJson = post("/admin/galleries", cookie, "csrf", csrf, "json", "{\"id\": \"g1\", ");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("not a valid gallery");
        assertThat(post("/admin/galleries", cookie, "csrf", csrf, "json",
                "{\"id\":\"g1\",\"titleJa\":\"新しい展示\",\"sections\":[{\"headingJa\":\"一\",\"items\":[{\"record\":\"lib:kokugaku-1\"}]}]}")
                .statusCode()).isEqualTo(303);
        assertThat(get("/galleries/g1", null).body()).contains("新しい展示", "國學の本義");
        // the structured editor: sections and items as form fields, empty rows ignored, order numbers obeyed
        String editor = get("/admin/galleries/g1", cookie).body();
        assertThat(editor).contains("name=\"s0.i0.record\" value=\"lib:kokugaku-1\"").contains("name=\"s1.headingJa\"")
                .contains("name=\"s0.i2.record\"");
        HttpResponse<String> structured = post("/admin/galleries", cookie, "csrf", csrf, "id", "g2", "titleJa", "<b>構造化</b>の展示",
                "titleEn", "", "introJa", "はじめに", "introEn", "",
                "s0.order", "2", "s0.headingJa", "後の節", "s0.headingEn", "", "s0.textJa", "", "s0.textEn", "",
                "s0.i0.order", "1", "s0.i0.record", "lib:kokugaku-2", "s0.i0.captionJa", "芳賀の研究", "s0.i0.captionEn", "",
                "s0.i1.order", "2", "s0.i1.record", "", "s0.i1.captionJa", "", "s0.i1.captionEn", "",
                "s1.order", "1", "s1.headingJa", "先の節", "s1.headingEn", "First", "s1.textJa", "<script>alert(1)</script>", "s1.textEn", "",
                "s1.i0.order", "2", "s1.i0.record", "lib:kokugaku-2", "s1.i0.captionJa", "二番目", "s1.i0.captionEn", "",
                "s1.i1.order", "1", "s1.i1.record", "lib:kokugaku-1", "s1.i1.captionJa", "一番目", "s1.i1.captionEn", "",
                "s2.order", "3", "s2.headingJa", "", "s2.headingEn", "", "s2.textJa", "", "s2.textEn", "",
                "s2.i0.order", "1", "s2.i0.record", "", "s2.i0.captionJa", "", "s2.i0.captionEn", "");
        assertThat(structured.statusCode()).as(structured.body()).isEqualTo(303);
        assertThat(fx.curation.gallery("g2")).hasValueSatisfying(g -> {
            assertThat(g.sections()).extracting(Gallery.Section::headingJa).containsExactly("先の節", "後の節");
            assertThat(g.sections().get(0).items()).extracting(Gallery.Item::captionJa).containsExactly("一番目", "二番目");
            assertThat(g.sections().get(1).items()).hasSize(1);
        });
        String shown = get("/galleries/g2", null).body();
        assertThat(shown).contains("&lt;b&gt;構造化&lt;/b&gt;").doesNotContain("<script>alert(1)</script>");
        assertThat(shown.indexOf("先の節")).isLessThan(shown.indexOf("後の節"));
        HttpResponse<String> badRecord = post("/admin/galleries", cookie, "csrf", csrf, "id", "g3", "titleJa", "誤り",
                "s0.order", "1", "s0.headingJa", "節", "s0.i0.order", "1", "s0.i0.record", "no colon here");
        assertThat(badRecord.statusCode()).isEqualTo(400);
        assertThat(badRecord.body()).contains("provider:identifier").contains("value=\"誤り\"");
        assertThat(post("/admin/galleries", cookie, "csrf", csrf, "id", "g4", "titleJa", "順番", "s0.order", "first",
                "s0.headingJa", "節").statusCode()).isEqualTo(400);
        assertThat(post("/admin/galleries/g2/delete", cookie, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(post("/admin/galleries/g1/delete", cookie, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(get("/galleries/g1", null).statusCode()).isEqualTo(404);
        assertThat(post("/admin/themes/edo/delete", cookie, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(fx.curation.theme("edo")).isEmpty();

        assertThat(post("/admin/logout", cookie, "csrf", csrf).statusCode()).isEqualTo(303);
        assertThat(get("/admin", cookie).statusCode()).as("the session ended").isEqualTo(303);
    }
}
