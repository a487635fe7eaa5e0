package org.kura.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.catalog.RecordJson;

/** The portal's pages over HTTP, without JavaScript: what a reader, a crawler or a screen reader gets. */
class PortalTest {
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

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fx.base() + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void fullTextResultsShowPassagesWhereTheReaderMayReadAndOnlyLocationsElsewhereAllEscaped() throws Exception {
        HttpResponse<String> r = get("/fulltext?q=" + enc("国学"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String body = r.body();
        assertThat(body).contains("2 点の資料").contains("<mark>国学</mark>");
        assertThat(body).contains("本文を閲覧可").contains("所在のみ表示");
        // the page links open the viewer at the page with the search inside the item
        assertThat(body).contains("/viewer?manifest=%2Fiiif%2F3%2Fitem-text%2Fmanifest&amp;page=2&amp;q=%E5%9B%BD%E5%AD%A6");
        assertThat(body).contains("href=\"/records/lib/kokugaku-1\"");
        // hostile text in the OCR is text, never markup
        assertThat(body).doesNotContain("<script>alert('ft')").contains("&lt;script&gt;");
        // the public item's passage reaches the sentinel; the restricted item's 50-character snippet does not
        assertThat(body.split("秘伝の結び", -1)).hasSize(2);
        assertThat(get("/search?q=" + enc("国学")).body()).contains("/fulltext?q=%E5%9B%BD%E5%AD%A6");
        assertThat(get("/fulltext?q=" + enc("存在しない語句")).body()).contains("見つかりませんでした");
        assertThat(get("/fulltext").statusCode()).isEqualTo(200);
        assertThat(get("/fulltext?q=x&page=abc").statusCode()).isEqualTo(400);
        assertThat(get("/fulltext?q=" + enc("国学"), "Accept-Language", "en").body()).contains("Text readable").contains("Location only");
        // combined with a search of the records: only the items of the records 芳賀 finds (国学の研究, LIBRARY)
        String within = get("/fulltext?q=" + enc("国学") + "&records=" + enc("芳賀")).body();
        assertThat(within).contains("1 点の資料").contains("所在のみ表示").doesNotContain("本文を閲覧可").contains("name=\"records\" value=\"芳賀\"");
        HttpResponse<String> api = get("/api/fulltext?q=" + enc("国学") + "&records=" + enc("芳賀"));
        assertThat(api.body()).contains("\"item\":\"item-text-lib\"").doesNotContain("\"item\":\"item-text\"");
        assertThat(get("/api/fulltext?q=" + enc("国学") + "&records=" + enc("存在しない著者")).body()).contains("\"items\":0");
    }

    @Test
    void iiifCollectionsPerProviderAndThemeListOnlyManifestsTheCallerMayOpen() throws Exception {
        HttpResponse<String> top = get("/iiif/3/collection/top");
        assertThat(top.statusCode()).isEqualTo(200);
        assertThat(top.body()).contains("\"type\":\"Collection\"").contains("/iiif/3/collection/provider/lib\"")
                .contains("/iiif/3/collection/theme/kokugaku\"").doesNotContain("/iiif/3/collection/provider/evil\"");
        String anonymous = get("/iiif/3/collection/provider/lib").body();
        assertThat(anonymous).contains("/iiif/3/item-text/manifest").doesNotContain("item-text-lib").doesNotContain("国学の研究");
        String staff = get("/iiif/3/collection/provider/lib", "Authorization", "Bearer " + PortalFixture.ADMIN_TOKEN).body();
        assertThat(staff).contains("/iiif/3/item-text/manifest").contains("/iiif/3/item-text-lib/manifest");
        // the theme (国学, books) holds both books' items; anonymous readers are told only of the public one
        String theme = get("/iiif/3/collection/theme/kokugaku", "Authorization", "Bearer " + PortalFixture.ADMIN_TOKEN).body();
        assertThat(theme).contains("/iiif/3/item-text/manifest").contains("/iiif/3/item-text-lib/manifest").contains("国学の歩み")
                .contains("/iiif/3/item-secret/manifest"); // withheld: staff only
        assertThat(get("/iiif/3/collection/theme/kokugaku").body()).contains("/iiif/3/item-text/manifest").doesNotContain("item-text-lib")
                .doesNotContain("item-secret").doesNotContain("非公開の題名");
        assertThat(get("/iiif/3/collection/provider/nope").statusCode()).isEqualTo(404);
        assertThat(get("/iiif/3/collection/theme/..%2Fx").statusCode()).isEqualTo(404);
    }

    @Test
    void homeIsJapaneseByDefaultAndEnglishForAnEnglishBrowser() throws Exception {
        HttpResponse<String> ja = get("/");
        assertThat(ja.statusCode()).isEqualTo(200);
        assertThat(ja.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(ja.body()).contains("<html lang=\"ja\">", "データ提供機関", "国立テスト図書館", "action=\"/search\"",
                "application/opensearchdescription+xml");
        assertThat(ja.body()).contains("図書").contains("/search?type=BOOK");
        HttpResponse<String> en = get("/", "Accept-Language", "en-GB,en;q=0.9,ja;q=0.5");
        assertThat(en.body()).contains("<html lang=\"en\">", "Data providers", "National Test Library");
        assertThat(en.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(get("/", "Accept-Language", "fr-FR, ja;q=0.3").body()).contains("<html lang=\"ja\">");
        assertThat(get("/", "Accept-Language", ";;;q=x").statusCode()).isEqualTo(200); // malformed: the default
    }

    @Test
    void theLanguageSwitchSetsACookieAndOnlyReturnsToThisSite() throws Exception {
        HttpResponse<String> r = get("/lang/en?return=" + enc("/search?q=国学"));
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/search?q=%E5%9B%BD%E5%AD%A6");
        assertThat(r.headers().firstValue("Set-Cookie").orElse("")).contains("kura_lang=en").contains("HttpOnly");
        assertThat(get("/search?q=" + enc("国学"), "Cookie", "kura_lang=en").body()).contains("<html lang=\"en\">", "Material type");
        for (String evil : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            assertThat(get("/lang/ja?return=" + enc(evil)).headers().firstValue("Location")).as(evil).hasValue("/");
        }
        assertThat(get("/lang/xx", "Accept", "text/html").statusCode()).isEqualTo(404);
        // every page links to itself in the other language
        assertThat(get("/providers").body()).contains("href=\"/lang/en?return=%2Fproviders\"");
    }

    @Test
    void resultsShowHitsFacetsAndSortWithPlainLinks() throws Exception {
        HttpResponse<String> r = get("/search?q=" + enc("国学"));
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(body).contains("國學の本義", "国学の研究", "/records/lib/kokugaku-1", "2 件中 1–2 件を表示");
        assertThat(body).contains("data-facet=\"provider\"", "data-facet=\"type\"", "data-facet=\"reuse\"");
        assertThat(body).contains("パブリック・ドメイン").contains("badge reuse open").contains("badge reuse restricted");
        assertThat(body).contains("<select id=\"sort\" name=\"sort\" data-autosubmit>");
        // the facet value is a link that adds the filter; following it narrows and shows a chip that removes it
        Matcher m = Pattern.compile("href=\"(/search\\?[^\"]*reuse=PDM[^\"]*)\"").matcher(body);
        assertThat(m.find()).isTrue();
        String narrowed = get(m.group(1).replace("&amp;", "&")).body();
        assertThat(narrowed).contains("1 件中 1–1 件を表示", "國學の本義").doesNotContain("国学の研究");
        assertThat(narrowed).contains("class=\"chip\"").contains("aria-current=\"true\"");
        // years: a histogram bar links to its decade
        assertThat(body).contains("year_from=1940&amp;year_to=1949");
        assertThat(get("/search?q=" + enc("国学") + "&year_from=1900&year_to=1909").body()).contains("国学の研究")
                .doesNotContain("國學の本義");
        assertThat(get("/search?q=" + enc("国学") + "&sort=date_asc").body()).containsSubsequence("国学の研究", "國學の本義");
    }

    @Test
    void noResultsPageHelps() throws Exception {
        HttpResponse<String> r = get("/search?q=" + enc("存在しない語彙ぞぞぞ"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("該当する資料は見つかりませんでした", "絞り込み条件を外してみてください");
    }

    @Test
    void badQueriesGetAPageNeverAStackTrace() throws Exception {
        HttpResponse<String> unbalanced = get("/search?q=" + enc("(国学 AND"));
        assertThat(unbalanced.statusCode()).isIn(200, 400);
        for (String q : new String[] {"{!xmlparser v='<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>'}", "\"unbalanced",
            "a".repeat(10_000), "\u0001\u0002", "title:", "*:*&facet.field=x"}) {
            HttpResponse<String> r = get("/search?q=" + enc(q));
            String what = q.length() > 40 ? q.length() + " characters" : q;
            assertThat(r.statusCode()).as(what).isIn(200, 400, 414); // 414: longer than the server's URI limit (8 KiB)
            assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("at org.");
            if (r.statusCode() != 414) {
                assertThat(r.body()).as(what).contains("<html");
            }
        }
        HttpResponse<String> badSort = get("/search?q=x&sort=nonsense");
        assertThat(badSort.statusCode()).isEqualTo(400);
        assertThat(badSort.body()).contains("<html", "検索式を解釈できませんでした");
        assertThat(get("/search?page=99999999").statusCode()).isEqualTo(400);
        assertThat(get("/search?year_from=abc").statusCode()).isEqualTo(400);
    }

    @Test
    void recordPageShowsEveryFieldWithLabelsReadingsAndLinks() throws Exception {
        HttpResponse<String> r = get("/records/lib/kokugaku-1");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(body).contains("<h1>國學の本義</h1>", "コクガク ノ ホンギ", "山田, 孝雄", "ヤマダ, ヨシオ", "著",
                "畝傍書房", "東京", "1942", "Kokugaku no hongi", "並列タイトル");
        assertThat(body).contains("href=\"https://doi.org/10.11501/1234567\"", "/search?q=isbn%3A9784003101018",
                "/search?subject=%E5%9B%BD%E5%AD%A6");
        assertThat(body).contains("パブリック・ドメイン", "著作権等の制約なく、自由に利用できます。");
        assertThat(body).contains("href=\"https://lib.example/kokugaku-1\"", "href=\"/providers/lib\"");
        assertThat(body).contains("/iiif/3/item-kokugaku/manifest", "デジタル化資料");
        assertThat(body).contains("?cite=bibtex", "?cite=ris", "?cite=csl", "@book{");
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(body);
        assertThat(ld.find()).isTrue();
        JsonNode jsonLd = RecordJson.mapper().readTree(ld.group(1));
        assertThat(jsonLd.path("@context").asText()).contains("schema.org");
        assertThat(jsonLd.toString()).contains("國學の本義");
        HttpResponse<String> en = get("/records/lib/kokugaku-1?lang=en");
        assertThat(en.body()).contains("Creators", "Public Domain Mark", "Cite this", "author");
    }

    @Test
    void aWorkHeldByTwoProvidersShowsAsOneHitAndItsRecordsLinkEachOther() throws Exception {
        String results = get("/search?q=" + enc("スラッシュのある識別子")).body();
        assertThat(results).contains("2 機関が所蔵・提供", "テスト大学図書館", "1 件中 1–1 件を表示");
        String lib = PortalRoutes.recordUrl("lib", PortalFixture.SLASHED_ID);
        assertThat(get(lib).body()).contains("同じ作品の他の機関のレコード（1 件）", "/records/univ/u-77");
        assertThat(get("/records/univ/u-77").body()).contains(lib);
        assertThat(get("/records/lib/kokugaku-2").body()).doesNotContain("同じ作品の他の機関のレコード");
    }

    @Test
    void aRestrictedItemIsNamedOnlyToWhomItsPolicyOpensIt() throws Exception {
        String anonymous = get("/records/lib/kokugaku-2").body();
        assertThat(anonymous).contains("このデジタル化資料は「非公開」です");
        assertThat(anonymous).doesNotContain("非公開の題名").doesNotContain("7 コマ").doesNotContain("item-secret");
        String staff = get("/records/lib/kokugaku-2", "Authorization", "Bearer " + PortalFixture.ADMIN_TOKEN).body();
        assertThat(staff).contains("非公開の題名", "7 コマ", "/iiif/3/item-secret/manifest");
    }

    @Test
    void citationsDownloadInThreeFormats() throws Exception {
        HttpResponse<String> bib = get("/records/lib/kokugaku-1?cite=bibtex");
        assertThat(bib.statusCode()).isEqualTo(200);
        assertThat(bib.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", ".bib");
        assertThat(bib.body()).startsWith("@book{lib:kokugaku-1,").contains("title = {國學の本義}", "author = {山田, 孝雄}",
                "year = {1942}", "isbn = {9784003101018}", "doi = {10.11501/1234567}", "url = {http://127.0.0.1:");
        HttpResponse<String> ris = get("/records/lib/kokugaku-1?cite=ris");
        assertThat(ris.body()).startsWith("TY  - BOOK\r\n").contains("TI  - 國學の本義\r\n", "AU  - 山田, 孝雄\r\n",
                "PY  - 1942\r\n").endsWith("ER  - \r\n");
        JsonNode csl = RecordJson.mapper().readTree(get("/records/lib/kokugaku-1?cite=csl").body());
        assertThat(csl.get(0).path("type").asText()).isEqualTo("book");
        assertThat(csl.get(0).path("author").get(0).path("family").asText()).isEqualTo("山田");
        assertThat(csl.get(0).path("issued").path("date-parts").get(0).get(0).asInt()).isEqualTo(1942);
        assertThat(get("/records/lib/kokugaku-1?cite=docx").statusCode()).isEqualTo(400);
    }

    @Test
    void identifiersWithSlashesQueryAndPlusHaveWorkingPages() throws Exception {
        String url = PortalRoutes.recordUrl("lib", PortalFixture.SLASHED_ID);
        assertThat(url).isEqualTo("/records/lib/https%3A%2F%2Frepo.example%2Fitems%2F12%3Fv%3D1%2B2");
        HttpResponse<String> r = get(url);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("スラッシュのある識別子");
        assertThat(get("/search?q=" + enc("スラッシュ")).body()).contains("href=\"" + url + "\"");
    }

    @Test
    void hostileRecordContentIsEscapedEverywhere() throws Exception {
        for (String path : new String[] {"/search?q=" + enc("悪意"), "/records/evil/x1", "/providers", "/providers/evil", "/",
            "/search?q=" + enc("<script>alert(9)</script>"), "/search?provider=" + enc("\"><script>alert(8)</script>")}) {
            HttpResponse<String> r = get(path);
            String body = r.body();
            assertThat(body).as(path).doesNotContain("<script>alert").doesNotContain("<svg onload").doesNotContain("<img src=x")
                    .doesNotContain("href=\"javascript:").doesNotContain("src=\"javascript:").doesNotContain("</script><script>");
        }
        String record = get("/records/evil/x1").body();
        assertThat(record).contains("&lt;script&gt;alert(", "悪意の題", "click me");
        assertThat(record).contains("\\u003c/script\\u003e"); // inside the JSON-LD
        assertThat(get("/records/evil/x1").headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
    }

    @Test
    void missingThingsAreNotFoundPagesAndApisStayJson() throws Exception {
        HttpResponse<String> noRecord = get("/records/lib/does-not-exist");
        assertThat(noRecord.statusCode()).isEqualTo(404);
        assertThat(noRecord.body()).contains("<html", "ページが見つかりません", "does-not-exist");
        assertThat(get("/providers/nobody").statusCode()).isEqualTo(404);
        HttpResponse<String> page = get("/no/such/page", "Accept", "text/html,application/xhtml+xml", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Page not found");
        HttpResponse<String> api = get("/api/nothing", "Accept", "text/html");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(get("/assets/..%2F..%2Fetc%2Fpasswd").statusCode()).isIn(400, 404);
        assertThat(get("/assets/kura.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(get("/records/lib/%E0%A4").statusCode()).isIn(400, 404);
    }

    @Test
    void providerPagesShowCountsHarvestsAndQuarantineReasons() throws Exception {
        String body = get("/providers/lib").body();
        assertThat(body).contains("国立テスト図書館", "National Test Library", "JP-1000001", "3 件", "/search?provider=lib");
        assertThat(body).contains("broken-7", "XML not well-formed: unclosed element", "PARSE");
        assertThat(get("/providers").body()).contains("国立テスト図書館", "&lt;img src=x onerror=alert(1)&gt;館");
    }

    @Test
    void bothLanguagesHaveEveryText() {
        assertThat(new Messages().unmatchedKeys()).isEmpty();
    }

    @Test
    void aThemeWithPlacedRecordsShowsAMapWhoseScriptAndBaseMapLoadOnlyWhenShown() throws Exception {
        HttpResponse<String> r = get("/themes/kokugaku");
        String body = r.body();
        assertThat(body).contains("data-map", "data-points=\"/search/points?theme=kokugaku\"", "座標のある資料 2 件",
                "地図上の資料の一覧");
        // nothing of the map is loaded with the page: kura.js fetches it when the map comes into view
        assertThat(body).doesNotContain("leaflet", "countries-50m", "map.js");
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(300_000);
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("img-src 'self' http: https: data:;");
        assertThat(get("/assets/kura.js").body()).contains("/assets/vendor/leaflet.js", "/assets/map.js");
        assertThat(get("/assets/map.js").statusCode()).isEqualTo(200);
    }

    @Test
    void mapPointsOfAThemeAndOfASearchLinkToTheRecords() throws Exception {
        HttpResponse<String> r = get("/search/points?theme=kokugaku");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = RecordJson.mapper().readTree(r.body());
        assertThat(doc.get("total").asLong()).isEqualTo(2);
        assertThat(doc.get("shown").asInt()).isEqualTo(2);
        assertThat(doc.get("limit").asInt()).isEqualTo(2000);
        java.util.Map<String, JsonNode> byUrl = new java.util.HashMap<>();
        doc.get("points").forEach(p -> byUrl.put(p.get("url").asText(), p));
        assertThat(byUrl).containsOnlyKeys("/records/lib/kokugaku-1", "/records/lib/kokugaku-2");
        assertThat(byUrl.get("/records/lib/kokugaku-1").get("lat").asDouble()).isEqualTo(35.6895);
        assertThat(byUrl.get("/records/lib/kokugaku-1").get("lon").asDouble()).isEqualTo(139.6917);
        assertThat(byUrl.get("/records/lib/kokugaku-1").get("title").asText()).isEqualTo("國學の本義");
        // capped with the true total; narrowed to a box (Tokyo, not Matsusaka)
        JsonNode one = RecordJson.mapper().readTree(get("/search/points?theme=kokugaku&limit=1").body());
        assertThat(one.get("total").asLong()).isEqualTo(2);
        assertThat(one.get("points")).hasSize(1);
        JsonNode tokyo = RecordJson.mapper().readTree(get("/search/points?theme=kokugaku&bbox=139,35,140,36").body());
        assertThat(tokyo.get("points")).singleElement().satisfies(p -> assertThat(p.get("recordId").asText()).isEqualTo("kokugaku-1"));
        // bad parameters are 400 problems, an unknown theme 404
        for (String bad : new String[] {"bbox=1,2,3", "bbox=0,95,1,96", "bbox=a,b,c,d", "limit=2001", "limit=-1", "limit=x"}) {
            HttpResponse<String> b = get("/search/points?" + bad);
            assertThat(b.statusCode()).as(bad).isEqualTo(400);
            assertThat(b.headers().firstValue("Content-Type").orElse("")).as(bad).contains("problem+json");
        }
        assertThat(get("/search/points?theme=nope").statusCode()).isEqualTo(404);
    }

    @Test
    void hostileTitlesInMapPointsAreInertData() throws Exception {
        for (String path : new String[] {"/search/points?q=" + enc("悪意"), "/api/search?geo=points&q=" + enc("悪意")}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).doesNotContain("<script").doesNotContain("</script").doesNotContain("<img")
                    .contains("\\u003Cscript\\u003E");
            JsonNode p = RecordJson.mapper().readTree(r.body()).get("points").get(0);
            assertThat(p.get("title").asText()).isEqualTo("<script>alert('t')</script>悪意の題");
            assertThat(p.get("url").asText()).isEqualTo("/records/evil/x1");
            assertThat(r.headers().firstValue("X-Content-Type-Options").orElse("nosniff")).isEqualTo("nosniff");
        }
        // the map script puts titles in as text only
        String script = get("/assets/map.js").body();
        assertThat(script).contains("textContent").doesNotContain("innerHTML").doesNotContain("bindPopup(p.title");
        String record = get("/records/evil/x1").body();
        assertThat(record).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(6)&gt;京都");
    }

    @Test
    void resultsWithPlacedRecordsOfferAMapToggleAndTheApiFiltersByBox() throws Exception {
        String results = get("/search?q=" + enc("国学")).body();
        assertThat(results).contains("data-map-toggle", "aria-controls=\"map\"", "地図 / Map（2 件）",
                "data-points=\"/search/points?q=%E5%9B%BD%E5%AD%A6\"");
        assertThat(results).containsPattern("<section class=\"map\" id=\"map\"[^>]*hidden");
        assertThat(get("/search?q=" + enc("スラッシュ")).body()).doesNotContain("data-map-toggle");
        // the portal's results honour bbox too
        assertThat(get("/search?q=" + enc("国学") + "&bbox=139,35,140,36").body()).contains("國學の本義").doesNotContain("国学の研究");
        assertThat(get("/search?q=" + enc("国学") + "&bbox=999").statusCode()).isEqualTo(400);
        // /api/search: bbox narrows the hits; geo=points answers the points document
        JsonNode boxed = RecordJson.mapper().readTree(get("/api/search?q=" + enc("国学") + "&bbox=139,35,140,36").body());
        assertThat(boxed.get("total").asLong()).isEqualTo(1);
        assertThat(boxed.get("hits").get(0).get("recordId").asText()).isEqualTo("kokugaku-1");
        JsonNode points = RecordJson.mapper().readTree(get("/api/search?q=" + enc("国学") + "&geo=points").body());
        assertThat(points.get("total").asLong()).isEqualTo(2);
        for (String bad : new String[] {"bbox=1,2,3", "bbox=0,10,190,20", "geo=heatmap", "geo=points&limit=5000"}) {
            HttpResponse<String> b = get("/api/search?q=x&" + bad);
            assertThat(b.statusCode()).as(bad).isEqualTo(400);
            assertThat(b.headers().firstValue("Content-Type").orElse("")).as(bad).contains("problem+json");
        }
    }

    @Test
    void recordPageShowsItsPlacesWithCoordinatesAndAMap() throws Exception {
        String body = get("/records/lib/kokugaku-1").body();
        assertThat(body).contains("場所（座標）", "東京", "35.6895°N 139.6917°E", "data-lat=\"35.689500\"",
                "data-lon=\"139.691700\"");
        assertThat(get("/records/lib/kokugaku-1", "Accept-Language", "en").body()).contains("Place (coordinates)");
        assertThat(get("/records/lib/" + enc(PortalFixture.SLASHED_ID)).body()).doesNotContain("data-map");
    }
}
