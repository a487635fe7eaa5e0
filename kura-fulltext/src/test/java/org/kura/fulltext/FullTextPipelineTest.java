package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.model.AccessTier;
import org.kura.repository.ItemIngester;
import org.kura.repository.OcflObjectStore;
import org.kura.search.EmbeddedSolrBackend;

/**
 * Text from files to search, on the real parts: an OCFL store on disk, embedded Solr with the
 * project's configset. Fixtures: {@code src/test/resources/fixtures/text} (see its README).
 */
class FullTextPipelineTest {
    @TempDir
    static Path dir;
    static OcflObjectStore objects;
    static TextStore texts;
    static PageTextIndex index;
    static TextIngester.Result ingested;

    @BeforeAll
    static void setUp() throws Exception {
        objects = new OcflObjectStore(dir.resolve("ocfl"), dir.resolve("work"));
        texts = new TextStore(objects, dir.resolve("work"));
        index = new PageTextIndex(new EmbeddedSolrBackend(dir.resolve("solr"), "kura_text"));
        Path pages = Files.createDirectories(dir.resolve("pages"));
        for (int i = 1; i <= 5; i++) {
            BufferedImage img = new BufferedImage(1600, 2400, BufferedImage.TYPE_INT_RGB);
            ImageIO.write(img, "png", pages.resolve(String.format("p%02d.png", i)).toFile());
        }
        new ItemIngester(objects, dir.resolve("work")).ingest(new ItemIngester.Request(pages, "ndl:wagahai", AccessTier.LIBRARY,
                "wagahai", "吾輩は猫である", "test"));
        Path text = Files.createDirectories(dir.resolve("text"));
        Files.write(text.resolve("0001.xml"), TextFixtures.bytes("alto-v4-jpn-vertical.xml"));
        Files.write(text.resolve("0002.hocr"), TextFixtures.bytes("hocr-tesseract-en.hocr"));
        Files.write(text.resolve("page-3.txt"), "坊っちゃん\n親譲りの無鉄砲で小供の時から損ばかりしている。".getBytes("windows-31j"));
        Files.write(text.resolve("0004.xml"), "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\"><Layout><Page".getBytes(StandardCharsets.UTF_8));
        Files.write(text.resolve("0009.txt"), "beyond the last page".getBytes(StandardCharsets.UTF_8));
        Files.write(text.resolve("notes.txt"), "no page number".getBytes(StandardCharsets.UTF_8));
        ingested = new TextIngester(texts, new PageTextReaders()).ingest("wagahai", text, "test");
        new TextIndexer(texts, index).index(new PageTextIndex.ItemInfo("wagahai", "ndl:wagahai", "ndl", AccessTier.LIBRARY, "吾輩は猫である"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        index.close();
        objects.close();
    }

    @Test
    void readableFilesAreStoredAndTheOthersQuarantinedWithTheirReasonsAndBytes() throws Exception {
        assertThat(ingested.pages()).containsExactly(1, 2, 3);
        assertThat(ingested.problems()).extracting(TextReport.PageStatus::file)
                .containsExactlyInAnyOrder("0004.xml", "0009.txt", "notes.txt");
        assertThat(ingested.problems()).filteredOn(p -> p.file().equals("0004.xml")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("0004.xml"));
        assertThat(ingested.problems()).filteredOn(p -> p.file().equals("0009.txt")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("beyond the item's 5 pages"));
        assertThat(ingested.problems()).filteredOn(p -> p.file().equals("notes.txt")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("which page"));

        TextReport report = texts.report("wagahai").orElseThrow();
        assertThat(report.pagesWithText()).isEqualTo(3);
        assertThat(report.status()).filteredOn(s -> s.page() == 3).singleElement()
                .satisfies(s -> assertThat(s.charset()).isEqualToIgnoringCase("windows-31j"));
        assertThat(objects.describe("wagahai").orElseThrow().files()).extracting(f -> f.path())
                .contains("text/0001.json", "text/source/0001.alto.xml", "text/source/0002.hocr.html", "text/source/0003.txt",
                        "text/quarantine/0004.xml", "text/quarantine/notes.txt", "text/report.json", "pages/0001.png");
        assertThat(objects.verify("wagahai")).isEmpty();
        assertThat(texts.page("wagahai", 3).orElseThrow().text()).startsWith("坊っちゃん\n親譲りの無鉄砲");
        assertThat(texts.page("wagahai", 1).orElseThrow().vertical()).isTrue();
    }

    @Test
    void searchFindsThePageAndMarksTheHit() {
        PageTextIndex.Hits hits = index.search(new PageTextIndex.TextQuery("無鉄砲", EnumSet.allOf(AccessTier.class), null, null, 1, 10, 3));
        assertThat(hits.items()).isEqualTo(1);
        PageTextIndex.ItemHit hit = hits.hits().get(0);
        assertThat(hit.itemId()).isEqualTo("wagahai");
        assertThat(hit.recordId()).isEqualTo("ndl:wagahai");
        assertThat(hit.pages()).singleElement().satisfies(p -> {
            assertThat(p.page()).isEqualTo(3);
            assertThat(p.spans()).isNotEmpty();
            int[] s = p.spans().get(0);
            assertThat(p.text().substring(s[0], s[1])).isEqualTo("無鉄砲");
        });
    }

    @Test
    void tiersOutsideTheReadersReachAreNotSearched() {
        PageTextIndex.Hits hits = index.search(new PageTextIndex.TextQuery("無鉄砲", Set.of(AccessTier.PUBLIC), null, null, 1, 10, 3));
        assertThat(hits.items()).isZero();
        assertThat(hits.hits()).isEmpty();
    }

    @Test
    void englishWordsAndPhrasesMatchInHocrText() {
        PageTextIndex.Within w = index.within("wagahai", "\"rabbit hole\"", 0, 10);
        assertThat(w.pagesMatched()).isEqualTo(1);
        PageTextIndex.PageMatch m = w.pages().get(0);
        assertThat(m.page()).isEqualTo(2);
        assertThat(m.spans()).isNotEmpty().allSatisfy(s -> assertThat(m.text().substring(s[0], s[1]).toLowerCase()).contains("rabbit"));
    }

    @Test
    void aHitInVerticalTextIsPlacedInsideItsColumn() {
        PageTextIndex.Within w = index.within("wagahai", "猫である", 0, 10);
        PageTextIndex.PageMatch m = w.pages().stream().filter(p -> p.page() == 1).findFirst().orElseThrow();
        PageText page = texts.page("wagahai", 1, m.version()).orElseThrow();
        int[] span = m.spans().get(0);
        assertThat(m.text().substring(span[0], span[1])).isEqualTo("猫である");
        List<Box> boxes = HitBoxes.locate(page, span[0], span[1]);
        // the fixture's first column: 吾輩は at y 240–420, 猫である at y 420–690, x 1380, 60 wide
        assertThat(boxes).singleElement().satisfies(b -> {
            assertThat(b.x()).isEqualTo(1380);
            assertThat(b.w()).isEqualTo(60);
            assertThat(b.y()).isGreaterThanOrEqualTo(420);
            assertThat(b.h()).isGreaterThan(b.w());
        });
    }

    @Test
    void contentSearchAnswersWithAnnotationsOnTheCanvas() {
        ContentSearch cs = new ContentSearch(index, texts);
        Map<String, Object> full = cs.search2("wagahai", "猫である", 1, "https://kura.example", n -> new int[] {1600, 2400}, true, List.of("user"));
        assertThat(full).containsEntry("@context", ContentSearch.CONTEXT_2).containsEntry("type", "AnnotationPage")
                .containsEntry("ignored", List.of("user"));
        List<?> items = (List<?>) full.get("items");
        assertThat(items).isNotEmpty();
        assertThat(items.toString()).contains("https://kura.example/iiif/3/wagahai/canvas/1#xywh=1380,").contains("motivation=highlighting");
        assertThat(full.get("annotations").toString()).contains("TextQuoteSelector").contains("prefix=").contains("exact=猫である");

        Map<String, Object> located = cs.search2("wagahai", "猫である", 1, "https://kura.example", n -> new int[] {1600, 2400}, false, List.of());
        assertThat(located.get("annotations").toString()).doesNotContain("prefix=").doesNotContain("suffix=").contains("exact=猫である");

        Map<String, Object> v1 = cs.search1("wagahai", "猫である", "https://kura.example", n -> new int[] {800, 1200}, true);
        assertThat(v1.get("resources").toString()).contains("canvas/1#xywh=690,"); // scaled to a canvas half the OCR image's size
        assertThat((List<?>) v1.get("hits")).isNotEmpty();

        Map<String, Object> terms = cs.autocomplete2("wagahai", "無鉄", "https://kura.example");
        assertThat(terms.get("items").toString()).contains("value=無鉄砲");
    }

    @Test
    void anEmptyQueryIsRefusedAndSyntaxIsSearchedAsText() {
        assertThatThrownBy(() -> index.within("wagahai", "   ", 0, 10)).isInstanceOf(IllegalArgumentException.class);
        // Solr syntax is searched as words (all of them must be on a page): no page has them, and nothing throws
        assertThat(index.within("wagahai", "{!xmlparser v='<a/>'} title:猫 \"unbalanced", 0, 10).pagesMatched()).isZero();
        assertThat(index.within("wagahai", "\"無鉄砲", 0, 10).pagesMatched()).isEqualTo(1); // an unbalanced quote still finds the word
    }

    @Test
    void restrictedItemsGiveAFewShortSnippetsAndTheLimitsHold() {
        SnippetGuard guard = new SnippetGuard(new SnippetLimits(2, 20, 3, 60), Clock.systemUTC());
        FullTextSearch search = new FullTextSearch(index, guard);
        FullTextSearch.Entitlement locateOnly = new FullTextSearch.Entitlement() {
            @Override
            public Set<AccessTier> locatable() {
                return EnumSet.of(AccessTier.PUBLIC, AccessTier.LIBRARY);
            }

            @Override
            public FullTextSearch.Access of(String itemId) {
                return FullTextSearch.Access.LOCATION;
            }
        };
        FullTextSearch.Result r = search.search("吾輩", null, null, 1, 10, "reader-1", locateOnly);
        FullTextSearch.ItemResult item = r.results().get(0);
        assertThat(item.access()).isEqualTo(FullTextSearch.Access.LOCATION);
        assertThat(item.passages()).hasSizeLessThanOrEqualTo(2).isNotEmpty()
                .allSatisfy(p -> assertThat(p.text().replace("\u0001", "").replace("\u0002", "")).hasSizeLessThanOrEqualTo(20));
        // the same query again costs nothing new; new passages stop at 60 characters of this item a day
        for (String q : List.of("吾輩", "名前", "見当")) {
            search.search(q, null, null, 1, 10, "reader-2", locateOnly);
        }
        FullTextSearch.ItemResult fourth = search.search("記憶", null, null, 1, 10, "reader-2", locateOnly).results().get(0);
        assertThat(fourth.passages()).isEmpty();
        assertThat(fourth.heldBack()).contains("hourly limit");
        assertThat(fourth.pages()).isNotEmpty(); // the location is still given
    }
}
