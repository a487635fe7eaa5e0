package org.kura.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in a real browser: Debian's Chromium driven through {@code chromium-driver} (installed
 * by {@code .ci/run}). Each test saves screenshots under {@code kura-server/target/screenshots}.
 * Skipped, with the reason, only on a machine without Chromium.
 */
class PortalBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    static PortalFixture fx;
    static ChromeDriver browser;
    String testName;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and chromium-driver are not installed (apt-get install chromium chromium-driver; .ci/run does)");
        fx = new PortalFixture();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en")); // a Japanese reader's browser
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=ja");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @BeforeEach
    void reset(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(fx.base() + "/assets/kura.css");
        browser.manage().deleteAllCookies();
    }

    void shot(String step) throws Exception {
        Files.write(SHOTS.resolve(testName + "-" + step + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @Test
    void aReaderSearchesNarrowsByAFacetAndOpensARecord() throws Exception {
        browser.get(fx.base() + "/");
        shot("1-home");
        WebElement box = browser.findElement(By.id("home-q"));
        box.sendKeys("国学", Keys.ENTER);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.hits li.hit")));
        assertThat(browser.findElements(By.cssSelector("ol.hits li.hit"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector("p.total")).getText()).contains("2 件");
        shot("2-results");
        browser.findElement(By.cssSelector("[data-facet=reuse] a[href*='reuse=PDM']")).click();
        waiting().until(d -> d.findElements(By.cssSelector("ol.hits li.hit")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".chips")).getText()).contains("パブリック・ドメイン");
        shot("3-facet");
        browser.findElement(By.cssSelector("ol.hits li.hit h2 a")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "國學の本義"));
        assertThat(browser.findElement(By.cssSelector("dl.fields")).getText()).contains("山田, 孝雄", "10.11501/1234567");
        assertThat(browser.findElement(By.cssSelector("a[href*='/iiif/3/item-kokugaku/manifest']")).isDisplayed()).isTrue();
        shot("4-record");
    }

    @Test
    void sortingAppliesWhenChosenWithJavaScript() throws Exception {
        browser.get(fx.base() + "/search?q=" + PortalTest.enc("国学"));
        assertThat(browser.findElement(By.cssSelector("form.sort button")).isDisplayed()).as("button hidden when JS runs").isFalse();
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByValue("date_asc");
        waiting().until(ExpectedConditions.urlContains("sort=date_asc"));
        List<WebElement> titles = browser.findElements(By.cssSelector("ol.hits h2 a"));
        assertThat(titles.get(0).getText()).isEqualTo("国学の研究");
        shot("sorted");
    }

    @Test
    void theInterfaceSwitchesToEnglishAndStaysThere() throws Exception {
        browser.get(fx.base() + "/search?q=" + PortalTest.enc("国学"));
        browser.findElement(By.cssSelector("a.lang-switch")).click();
        waiting().until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(browser.getCurrentUrl()).contains("/search?q=");
        assertThat(browser.findElement(By.cssSelector("header.site nav")).getText()).contains("Data providers");
        assertThat(browser.findElement(By.cssSelector("p.total")).getText()).contains("of 2 results");
        shot("english");
        browser.get(fx.base() + "/providers");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Data providers");
    }

    @Test
    void autocompleteSuggestsFromTheIndexAndWorksWithTheKeyboard() throws Exception {
        browser.get(fx.base() + "/");
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys("國學");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-suggestions li")));
        assertThat(q.getAttribute("aria-expanded")).isEqualTo("true");
        shot("suggestions");
        q.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/search?q="));
        assertThat(browser.findElements(By.cssSelector("ol.hits li.hit"))).isNotEmpty();
    }

    @Test
    void onAPhoneTheFacetsFollowTheResults() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(fx.base() + "/search?q=" + PortalTest.enc("国学"));
        WebElement results = browser.findElement(By.cssSelector("section.results"));
        WebElement facets = browser.findElement(By.cssSelector("aside.facets"));
        assertThat(facets.getLocation().getY()).isGreaterThan(results.getLocation().getY());
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertThat(overflow).as("no horizontal scrolling").isEqualTo(false);
        shot("phone");
    }

    @Test
    void pagesMeetBasicAccessibilityChecks() throws Exception {
        for (String path : new String[] {"/", "/search?q=" + PortalTest.enc("国学"), "/records/lib/kokugaku-1", "/providers/lib",
            "/search?q=" + PortalTest.enc("ないないない")}) {
            browser.get(fx.base() + path);
            @SuppressWarnings("unchecked")
            Map<String, Object> report = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(A11Y_CHECKS);
            assertThat(report).as(path).containsEntry("lang", true).containsEntry("oneH1", true)
                    .containsEntry("unlabelledInputs", 0L).containsEntry("imagesWithoutAlt", 0L)
                    .containsEntry("emptyLinks", 0L).containsEntry("skipLink", true);
        }
        browser.get(fx.base() + "/");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip");
        assertThat(focused.isDisplayed()).isTrue();
        shot("skip-link-focused");
    }

    @Test
    void aThemePortalAndAGalleryOpenFromTheHomePage() throws Exception {
        browser.get(fx.base() + "/");
        browser.findElement(By.cssSelector("a[href='/themes/kokugaku']")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "国学の歩み"));
        assertThat(browser.findElement(By.cssSelector(".timeline")).getText()).containsSubsequence("1905", "1942");
        shot("1-theme");
        WebElement within = browser.findElement(By.id("theme-q"));
        within.sendKeys("研究", Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("theme=kokugaku"));
        assertThat(browser.findElements(By.cssSelector("ol.hits li.hit"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".chips")).getText()).contains("国学の歩み");
        shot("2-theme-search");
        browser.get(fx.base() + "/");
        browser.findElement(By.cssSelector("a[href='/galleries/meiji-books']")).click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "明治・大正の本"));
        assertThat(browser.findElement(By.cssSelector(".gallery-section")).getText()).contains("芳賀矢一の研究");
        shot("3-gallery");
    }

    @Test
    void staffLogInAndEditATheme() throws Exception {
        browser.get(fx.base() + "/admin");
        waiting().until(ExpectedConditions.urlContains("/admin/login"));
        browser.findElement(By.id("token")).sendKeys(PortalFixture.ADMIN_TOKEN, Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "管理"));
        shot("1-dashboard");
        browser.findElement(By.cssSelector(".admin-nav a[href='/admin/themes']")).click();
        browser.findElement(By.id("id")).sendKeys("browser-theme");
        browser.findElement(By.id("titleJa")).sendKeys("ブラウザで作ったテーマ");
        browser.findElement(By.id("query")).sendKeys("国学");
        shot("2-theme-form");
        browser.findElement(By.cssSelector("form.editor button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/admin/themes/browser-theme"));
        assertThat(fx.curation.theme("browser-theme")).isPresent();
        browser.get(fx.base() + "/themes/browser-theme");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ブラウザで作ったテーマ");
        shot("3-theme-page");
        fx.curation.removeTheme("browser-theme");

        // a gallery made with the structured editor: a section and a record with its caption
        browser.get(fx.base() + "/admin/galleries");
        browser.findElement(By.id("g-id")).sendKeys("browser-gallery");
        browser.findElement(By.id("g-titleJa")).sendKeys("ブラウザで作った展示");
        browser.findElement(By.id("s0-headingJa")).sendKeys("国学の本");
        browser.findElement(By.name("s0.i0.record")).sendKeys("lib:kokugaku-1");
        browser.findElement(By.name("s0.i0.captionJa")).sendKeys("山田孝雄の本");
        shot("4-gallery-form");
        browser.findElement(By.cssSelector("form.gallery-editor button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/admin/galleries/browser-gallery"));
        assertThat(browser.findElement(By.name("s0.i0.record")).getAttribute("value")).isEqualTo("lib:kokugaku-1");
        browser.get(fx.base() + "/galleries/browser-gallery");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ブラウザで作った展示");
        assertThat(browser.getPageSource()).contains("山田孝雄の本").contains("國學の本義");
        shot("5-gallery-page");
        fx.curation.removeGallery("browser-gallery");

        // the quarantine browser: a refused record with hostile bytes, shown escaped, retried from the page
        org.kura.catalog.HarvestRun run = fx.store.startRun("lib", org.kura.catalog.HarvestRun.Kind.HARVEST, "browser test");
        fx.store.commit(new org.kura.catalog.Page(run.id(), "lib", List.of(new org.kura.catalog.Page.Rejected("oai:lib:broken", "oai_dc",
                "<oai_dc:dc><dc:title><script>window.pwned=1</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                org.kura.catalog.QuarantineEntry.Stage.CROSSWALK, "malformed XML")), null));
        long id = fx.store.quarantine("lib", 0, 100).stream().filter(q -> "oai:lib:broken".equals(q.identifier())).findFirst()
                .orElseThrow().id();
        try {
            browser.get(fx.base() + "/admin");
            browser.findElement(By.cssSelector(".admin-nav a[href='/admin/quarantine']")).click();
            browser.findElement(By.cssSelector("a[href='/admin/quarantine?provider=lib']")).click();
            waiting().until(ExpectedConditions.urlContains("provider=lib"));
            org.openqa.selenium.WebElement row = browser.findElement(By.xpath("//table[@class='quarantine']//tr[td[2][normalize-space()='oai:lib:broken']]"));
            row.findElement(By.tagName("summary")).click();
            assertThat(row.findElement(By.tagName("pre")).getText()).contains("<script>window.pwned=1</script>");
            assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
            assertThat(seriousViolations()).as("axe on the quarantine page").isEmpty();
            shot("6-quarantine");
            browser.findElement(By.cssSelector("form[action='/admin/quarantine/" + id + "/retry'] button")).click();
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice[role=status]")));
            assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("#" + id);
            assertThat(fx.store.quarantineEntry(id)).as("still refused, so still kept").isPresent();
            shot("7-quarantine-retried");
        } finally {
            fx.store.releaseQuarantine(id);
        }
    }

    /** Serious or critical axe-core violations of the page shown (none when axe-core is not bundled). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> seriousViolations() throws Exception {
        java.net.URL axe = PortalBrowserTest.class.getResource("/portal/axe.min.js");
        if (axe == null) {
            return List.of();
        }
        try (java.io.InputStream in = axe.openStream()) {
            ((JavascriptExecutor) browser).executeScript(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.html).slice(0, 3)}))));");
    }

    @Test
    void staffAddAnInstitutionThroughTheForm() throws Exception {
        browser.get(fx.base() + "/admin/institutions");
        waiting().until(ExpectedConditions.urlContains("/admin/login"));
        browser.findElement(By.id("token")).sendKeys(PortalFixture.ADMIN_TOKEN, Keys.ENTER);
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "管理"));
        browser.findElement(By.cssSelector(".admin-nav a[href='/admin/institutions']")).click();
        browser.findElement(By.id("f-isil")).sendKeys("JP-1000999");
        browser.findElement(By.id("f-name")).sendKeys("ブラウザ大学図書館");
        browser.findElement(By.id("f-ipRanges")).sendKeys("192.0.2.0/24\n192.0.2.300");
        browser.findElement(By.cssSelector("form.editor button[type=submit]")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("err-ipRanges")));
        assertThat(error.getText()).contains("192.0.2.300");
        assertThat(browser.findElement(By.id("f-name")).getAttribute("value")).isEqualTo("ブラウザ大学図書館");
        shot("1-range-error");
        WebElement ranges = browser.findElement(By.id("f-ipRanges"));
        ranges.clear();
        ranges.sendKeys("192.0.2.0/24");
        browser.findElement(By.cssSelector("form.editor button[type=submit]")).click();
        waiting().until(ExpectedConditions.urlContains("/admin/institutions/JP-1000999"));
        assertThat(browser.findElement(By.cssSelector("table.registry")).getText()).contains("JP-1000999", "ブラウザ大学図書館", "192.0.2.0/24");
        shot("2-saved");
        assertThat(fx.store.institutions()).anyMatch(i -> i.isil().equals("JP-1000999"));
        fx.store.removeInstitution("JP-1000999");
        fx.principals.refresh();
    }

    @Test
    void aSignedInReaderSeesTheirAccountAndSignsOut() throws Exception {
        fx.store.saveReader(new org.kura.catalog.Reader("browser-reader", "ブラウザ読者", "JP", false,
                org.kura.catalog.Passwords.hash("browser password 1"), false, java.time.Instant.now()));
        browser.get(fx.base() + "/account");
        waiting().until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("name")).sendKeys("browser-reader");
        browser.findElement(By.id("password")).sendKeys("browser password 1", Keys.ENTER);
        waiting().until(ExpectedConditions.urlContains("/account"));
        assertThat(browser.findElement(By.cssSelector("header.site .reader-status")).getText()).contains("browser-reader でログイン中");
        assertThat(browser.findElement(By.cssSelector("table.entitlements")).getText()).contains("ビューアで閲覧");
        shot("1-account");
        browser.findElement(By.cssSelector("header.site .reader-status button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.site a[href='/login']")));
        assertThat(browser.findElements(By.cssSelector("header.site .reader-status"))).isEmpty();
        shot("2-signed-out");
        fx.store.removeReader("browser-reader");
    }

    @Test
    void theViewerOpensAManifestWithTheBundledMirador() throws Exception {
        Assumptions.assumeTrue(PortalBrowserTest.class.getResource("/portal/vendor/mirador.min.js") != null,
                "Mirador is not bundled: the build had no npm (kura-server/src/main/frontend/fetch-assets.sh)");
        browser.get(fx.base() + "/viewer?manifest=" + PortalTest.enc("/test/manifest.json"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("mirador")).getText()
                .contains("ビューア試験資料"));
        assertThat(browser.manage().logs().get("browser").getAll()).noneMatch(e -> e.getMessage().contains("Content Security Policy"));
        shot("mirador");
        browser.get(fx.base() + "/viewer?manifest=" + PortalTest.enc("javascript:alert(1)"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.getPageSource()).doesNotContain("data-manifest=\"javascript:");
    }

    @Test
    void aFullTextHitOpensTheViewerAtItsPageWithTheSearchInsideTheBook() throws Exception {
        Assumptions.assumeTrue(PortalBrowserTest.class.getResource("/portal/vendor/mirador.min.js") != null,
                "Mirador is not bundled: the build had no npm (kura-server/src/main/frontend/fetch-assets.sh)");
        browser.get(fx.base() + "/fulltext?q=" + PortalTest.enc("国学"));
        assertThat(browser.findElements(By.cssSelector(".fulltext-hits mark"))).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getText()).isEqualTo("国学"));
        shot("fulltext-results");
        browser.findElement(By.cssSelector(".fulltext-hits a.page-ref")).click();
        // Mirador opens the item at page 2 and runs the search inside it (IIIF Content Search 1.0): the hit is listed
        // in the search panel and highlighted on the page
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("mirador")).getText().contains("國學の本義")
                && d.findElement(By.id("mirador")).getText().contains("大成した"));
        String text = browser.findElement(By.id("mirador")).getText();
        assertThat(text).contains("国学");
        assertThat(browser.getCurrentUrl()).contains("page=2");
        Thread.sleep(1500); // let the highlight be drawn for the screenshot
        shot("viewer-search-hit");
        assertThat(browser.manage().logs().get("browser").getAll()).noneMatch(e -> e.getMessage().contains("Content Security Policy"));
    }

    @Test
    void aThemeMapShowsItsRecordsAndAMarkerLeadsToTheRecord() throws Exception {
        Assumptions.assumeTrue(PortalBrowserTest.class.getResource("/portal/vendor/leaflet.js") != null,
                "Leaflet is not bundled: the build had no npm (kura-server/src/main/frontend/fetch-assets.sh)");
        browser.get(fx.base() + "/themes/kokugaku");
        WebElement map = browser.findElement(By.id("map"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", map);
        WebDriverWait slow = new WebDriverWait(browser, Duration.ofSeconds(30));
        slow.until(d -> d.findElements(By.cssSelector("#map .map-pin")).size() == 2);
        // the bundled base map is drawn (Natural Earth countries as SVG paths), no tile server is asked
        slow.until(d -> d.findElements(By.cssSelector("#map .leaflet-overlay-pane path")).size() > 100);
        assertThat(browser.findElements(By.cssSelector("#map img.leaflet-tile"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#map .map-status")).getText()).contains("2 件のうち 2 件");
        assertThat(browser.findElements(By.cssSelector("#map .map-list li a"))).hasSize(2);
        shot("1-theme-map");
        browser.findElement(By.cssSelector("#map .map-pin[title='國學の本義']")).click();
        WebElement link = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#map .leaflet-popup-content a")));
        assertThat(link.getText()).isEqualTo("國學の本義");
        shot("2-popup");
        link.click();
        waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "國學の本義"));
        assertThat(browser.getCurrentUrl()).endsWith("/records/lib/kokugaku-1");
        assertThat(browser.findElement(By.cssSelector("dl.fields")).getText()).contains("35.6895°N 139.6917°E");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("map")));
        slow.until(d -> d.findElements(By.cssSelector("#map .map-pin")).size() == 1);
        shot("3-record-map");
        // the results page keeps its map behind the toggle until asked
        browser.get(fx.base() + "/search?q=" + PortalTest.enc("国学"));
        WebElement toggle = browser.findElement(By.cssSelector("button[data-map-toggle]"));
        assertThat(browser.findElement(By.id("map")).isDisplayed()).isFalse();
        toggle.click();
        slow.until(d -> d.findElements(By.cssSelector("#map .map-pin")).size() == 2);
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        shot("4-results-map");
        assertThat(browser.manage().logs().get("browser").getAll()).noneMatch(e -> e.getMessage().contains("Content Security Policy"));
    }

    @Test
    void axeFindsNoSeriousAccessibilityViolations() throws Exception {
        java.net.URL axe = PortalBrowserTest.class.getResource("/portal/axe.min.js");
        Assumptions.assumeTrue(axe != null, "axe-core is not bundled: the build had no npm (fetch-assets.sh)");
        for (String path : new String[] {"/", "/search?q=" + PortalTest.enc("国学"), "/records/lib/kokugaku-1", "/providers/lib",
            "/search?q=" + PortalTest.enc("国学") + "&lang=en", "/no/such/page", "/themes/kokugaku", "/galleries/meiji-books",
            "/admin/login", "/fulltext?q=" + PortalTest.enc("国学")}) {
            browser.get(fx.base() + path);
            if (path.startsWith("/themes/") || path.startsWith("/records/")) { // their maps drawn as a reader sees them
                ((JavascriptExecutor) browser).executeScript("document.getElementById('map').scrollIntoView()");
                new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#map.map-ready")).isEmpty()
                        || PortalBrowserTest.class.getResource("/portal/vendor/leaflet.js") == null);
            }
            List<Map<String, Object>> violations = seriousViolations();
            assertThat(violations).as(path + ": " + violations).isEmpty();
        }
    }

    /** WCAG basics checked in the page itself: language, headings, labels, alt texts, link names, skip link. */
    static final String A11Y_CHECKS = """
            const inputs = [...document.querySelectorAll('input:not([type=hidden]), select, textarea')];
            const unlabelled = inputs.filter(i => !(i.labels && i.labels.length) && !i.getAttribute('aria-label'));
            const links = [...document.querySelectorAll('a[href]')];
            return {
              lang: !!document.documentElement.lang,
              oneH1: document.querySelectorAll('h1').length === 1,
              unlabelledInputs: unlabelled.length,
              imagesWithoutAlt: document.querySelectorAll('img:not([alt])').length,
              emptyLinks: links.filter(a => !a.textContent.trim() && !a.getAttribute('aria-label') && !a.querySelector('img[alt]')
                  && !a.querySelector('.visually-hidden')).length,
              skipLink: !!document.querySelector('a.skip[href="#main"]') && !!document.getElementById('main')
            };
            """;

    /**
     * Lighthouse-style figures of the results page as the browser measured them (time to first byte, first and
     * largest contentful paint, layout shift, bytes), written to {@code target/screenshots/results-page-metrics.json}
     * for docs/benchmarks.md. Timings are recorded, never asserted; what is checked is that the page paints, weighs
     * at most 300 KB with everything it loads, and does not shift its layout.
     */
    @Test
    void theResultsPageRecordsLighthouseStyleMetrics() throws Exception {
        browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.get(fx.base() + "/search?q=" + PortalTest.enc("国学"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.hits li.hit")));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(METRICS);
        Files.writeString(SHOTS.resolve("results-page-metrics.json"), new com.fasterxml.jackson.databind.ObjectMapper()
                .writerWithDefaultPrettyPrinter().writeValueAsString(m));
        shot("1-results");
        assertThat(((Number) m.get("fcp")).doubleValue()).as("the page paints").isPositive();
        assertThat(((Number) m.get("bytes")).longValue()).as("the page with everything it loads, uncompressed")
                .isPositive().isLessThanOrEqualTo(300_000);
        assertThat(((Number) m.get("cls")).doubleValue()).as("cumulative layout shift (Lighthouse's 'good' is < 0.1)")
                .isLessThan(0.1);
    }

    static final String METRICS = """
            const done = arguments[arguments.length - 1];
            const seen = {lcp: 0, cls: 0, shifted: []};
            new PerformanceObserver(l => l.getEntries().forEach(e => seen.lcp = e.startTime))
                .observe({type: 'largest-contentful-paint', buffered: true});
            new PerformanceObserver(l => l.getEntries().forEach(e => {
              if (!e.hadRecentInput) {
                seen.cls += e.value;
                (e.sources || []).forEach(s => s.node && seen.shifted.push((s.node.tagName || '#text') + (s.node.id ? '#' + s.node.id : '')
                    + (s.node.className && typeof s.node.className === 'string' ? '.' + s.node.className.split(' ').join('.') : '')
                    + ' ' + JSON.stringify(s.previousRect) + '→' + JSON.stringify(s.currentRect)));
              }
            }))
                .observe({type: 'layout-shift', buffered: true});
            setTimeout(() => {
              const nav = performance.getEntriesByType('navigation')[0];
              const res = performance.getEntriesByType('resource');
              const fcp = performance.getEntriesByType('paint').find(p => p.name === 'first-contentful-paint');
              done({
                ttfb: nav.responseStart - nav.requestStart,
                fcp: fcp ? fcp.startTime : 0,
                lcp: seen.lcp,
                cls: seen.cls,
                shifted: seen.shifted,
                domContentLoaded: nav.domContentLoadedEventEnd,
                load: nav.loadEventEnd,
                requests: 1 + res.length,
                bytes: nav.decodedBodySize + res.reduce((a, r) => a + r.decodedBodySize, 0),
                transferred: nav.transferSize + res.reduce((a, r) => a + r.transferSize, 0)
              });
            }, 1000);
            """;
}
