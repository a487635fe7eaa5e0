package org.kura.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.Page;
import org.kura.model.Agent;
import org.kura.model.DateType;
import org.kura.model.DateValue;
import org.kura.model.GeoLocation;
import org.kura.model.Identifier;
import org.kura.model.IdentifierType;
import org.kura.model.Identifiers;
import org.kura.model.MaterialType;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.kura.model.Record;
import org.kura.model.ReuseCondition;
import org.kura.model.Rights;
import org.kura.model.Role;
import org.kura.model.Title;
import org.kura.model.TitleType;
import org.kura.search.query.CqlParser;
import org.kura.search.query.KuraQueryParser;
import org.kura.search.query.QuerySyntaxException;

/**
 * The behaviour of search on every backend (embedded Solr, SolrCloud): records go in through the
 * real catalog and the indexer, queries through the parsers, exactly as in production.
 */
abstract class SearchContract {
    protected abstract SearchBackend backend();

    protected abstract CatalogStore catalog();

    static CatalogStore newCatalog(Path dir) {
        CatalogStore store = CatalogStores.open(CatalogSettings.h2(dir));
        store.saveProvider(Provider.of("lib", "図書館"));
        store.saveProvider(Provider.of("museum", "美術館"));
        return store;
    }

    static Record book(String provider, String id, String title, String reading, String creator, String creatorReading,
                       int year, String isbn, String... variants) {
        Record.Builder b = Record.builder(id, provider).materialType(MaterialType.BOOK)
                .title(new Title(title, reading, TitleType.MAIN, "ja"))
                .date(new DateValue(year + "", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DateType.ISSUED, false))
                .language("jpn").rights(new Rights(ReuseCondition.PDM, null, null));
        if (creator != null) {
            b.agent(new Agent(creator, creatorReading, Role.AUTHOR, List.of(), null, List.of(variants)));
        }
        if (isbn != null) {
            b.identifier(Identifiers.normalize(IdentifierType.ISBN, isbn));
        }
        return b.build();
    }

    /** The fixture corpus: real works and their real bibliographic facts. */
    static List<Record> corpus() {
        List<Record> r = new ArrayList<>();
        r.add(book("lib", "kokugaku-1", "國學の本義", "コクガク ノ ホンギ", "山田, 孝雄", "ヤマダ, ヨシオ", 1942, null));
        r.add(book("lib", "kokugaku-2", "国学の研究", "コクガク ノ ケンキュウ", "芳賀, 矢一", "ハガ, ヤイチ", 1904, null));
        r.add(book("lib", "neko-1", "吾輩は猫である", "ワガハイ ワ ネコ デ アル", "夏目, 漱石", "ナツメ, ソウセキ", 1905,
                "4-00-310101-4", "Natsume, Soseki"));
        r.add(book("museum", "neko-2", "吾輩ハ猫デアル", "ワガハイ ワ ネコ デ アル", "夏目漱石", null, 1905,
                "9784003101018"));
        r.add(book("lib", "kokoro", "こころ", "ココロ", "夏目, 漱石", "ナツメ, ソウセキ", 1914, null, "Natsume, Soseki"));
        r.add(book("lib", "ginga", "銀河鐵道の夜", "ギンガ テツドウ ノ ヨル", "宮沢, 賢治", "ミヤザワ, ケンジ", 1934, null));
        r.add(book("museum", "shippo", "ねこのしっぽ", "ネコ ノ シッポ", "山田, 花子", "ヤマダ, ハナコ", 2010, null));
        r.add(Record.builder("genji", "lib").materialType(MaterialType.BOOK)
                .title(new Title("The Tale of Genji", null, TitleType.MAIN, "en"))
                .agent(new Agent("Murasaki Shikibu", null, Role.AUTHOR, List.of(), null))
                .date(new DateValue("2001", LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31), DateType.ISSUED, false))
                .language("eng").rights(new Rights(ReuseCondition.RS_INC, null, null)).build());
        r.add(Record.builder("jishin", "museum").materialType(MaterialType.IMAGE)
                .title(new Title("関東大震災の記録", "カントウ ダイシンサイ ノ キロク", TitleType.MAIN, "ja"))
                .identifier(new Identifier(IdentifierType.DOI, "10.11501/1234567", "10.11501/1234567", true))
                .date(new DateValue("大正12年", LocalDate.of(1923, 1, 1), LocalDate.of(1923, 12, 31), DateType.ISSUED, false))
                .rights(new Rights(ReuseCondition.CC_BY, null, null)).build());
        return r;
    }

    static void load(CatalogStore store, List<Record> records) {
        for (Record rec : records) {
            store.commit(new Page(0, rec.providerId(), List.of(new Page.Accepted(new RawRecord(rec.providerId(), rec.id(),
                    "csv", null, false, List.of(), rec.mainTitle().getBytes(StandardCharsets.UTF_8)), rec)), null));
        }
    }

    SearchResult search(String q) {
        return new Searcher(backend()).search(SearchQuery.of(new KuraQueryParser().parse(q)));
    }

    SearchResult search(String q, boolean clusters) {
        return new Searcher(backend()).search(new SearchQuery(new KuraQueryParser().parse(q), Map.of(), null, null,
                SearchQuery.Sort.RELEVANCE, 1, 20, null, clusters));
    }

    static Set<String> ids(SearchResult r) {
        Set<String> s = new HashSet<>();
        r.hits().forEach(h -> {
            s.add(h.recordId());
            h.others().forEach(o -> s.add(o.recordId()));
        });
        return s;
    }

    @Test
    void oldAndNewCharacterFormsFindEachOther() {
        assertThat(ids(search("国学"))).contains("kokugaku-1", "kokugaku-2");
        assertThat(ids(search("國學"))).contains("kokugaku-1", "kokugaku-2");
        assertThat(ids(search("銀河鉄道"))).contains("ginga");
        assertThat(ids(search("title:銀河鉄道の夜"))).containsExactly("ginga");
    }

    @Test
    void hiraganaKatakanaAndReadings() {
        assertThat(ids(search("ネコ"))).contains("shippo", "neko-1");
        assertThat(ids(search("ねこ"))).contains("shippo");
        assertThat(ids(search("コクガク"))).contains("kokugaku-1", "kokugaku-2");
        assertThat(ids(search("ぎんがてつどう"))).contains("ginga");
    }

    @Test
    void namesInEveryForm() {
        for (String q : List.of("夏目漱石", "夏目, 漱石", "\"Natsume, Soseki\"", "Natsume Soseki", "ナツメ ソウセキ", "natsume")) {
            assertThat(ids(search(q))).as(q).contains("kokoro", "neko-1");
        }
        assertThat(ids(search("creator:宮沢賢治"))).containsExactly("ginga");
    }

    @Test
    void aJapaneseWordIsFoundAsAWordInEveryTextFieldAndASingleCharacterWhereverItStands() {
        Indexer indexer = new Indexer(catalog(), backend());
        load(catalog(), List.of(
                book("lib", "scattered", "本の日", null, null, null, 2001, null),
                Record.builder("described", "museum").materialType(MaterialType.IMAGE)
                        .title(new Title("絵葉書", null, TitleType.MAIN, "ja")).description("東北地方の昔話を描いた絵葉書")
                        .date(new DateValue("1930", LocalDate.of(1930, 1, 1), LocalDate.of(1930, 12, 31), DateType.ISSUED, false))
                        .build()));
        indexer.catchUp();
        try {
            // 日 and 本 both stand in "本の日", but not as the word 日本 (a per-character field found it)
            assertThat(ids(search("日本"))).doesNotContain("scattered");
            assertThat(ids(search("本の日"))).contains("scattered");
            // Japanese words of a description, which only the Latin-script field used to hold (as single characters)
            assertThat(ids(search("昔話"))).containsExactly("described");
            assertThat(ids(search("東北地方"))).containsExactly("described");
            // one character finds the words it is part of
            assertThat(ids(search("漱"))).contains("kokoro", "neko-1", "neko-2");
            assertThat(ids(search("猫"))).contains("neko-1", "neko-2");
        } finally {
            catalog().commit(new Page(0, "lib", List.of(new Page.Deleted(new RawRecord("lib", "scattered", "csv", null, true,
                    List.of(), new byte[0]))), null));
            catalog().commit(new Page(0, "museum", List.of(new Page.Deleted(new RawRecord("museum", "described", "csv", null, true,
                    List.of(), new byte[0]))), null));
            indexer.catchUp();
        }
    }

    @Test
    void identifiersAreFoundInAnyOfTheirForms() {
        for (String q : List.of("isbn:4-00-310101-4", "isbn:9784003101018", "4003101014", "978-4-00-310101-8")) {
            assertThat(ids(search(q))).as(q).containsExactlyInAnyOrder("neko-1", "neko-2");
        }
        assertThat(ids(search("doi:10.11501/1234567"))).containsExactly("jishin");
        assertThat(ids(search("doi:10.11501/1234567 OR isbn:4-00-310101-4"))).hasSize(3);
    }

    @Test
    void worksHeldByTwoProvidersFormOneCluster() {
        SearchResult clustered = search("吾輩は猫である", true);
        assertThat(clustered.hits()).hasSize(1);
        SearchResult.Hit hit = clustered.hits().get(0);
        assertThat(hit.clusterSize()).isEqualTo(2);
        assertThat(hit.others()).hasSize(1);
        assertThat(search("吾輩は猫である", false).hits()).hasSize(2);
        Searcher searcher = new Searcher(backend());
        List<SearchResult.Other> others = searcher.clusterOf(hit.provider(), hit.recordId(), 10);
        assertThat(others).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(hit.others().get(0).id());
            assertThat(o.provider()).isNotEqualTo(hit.provider());
        });
        assertThat(searcher.clusterOf(others.get(0).provider(), others.get(0).recordId(), 10)).extracting(SearchResult.Other::id)
                .containsExactly(hit.id());
        assertThat(searcher.clusterOf("lib", "no-such-record", 10)).isEmpty();
        assertThat(searcher.clusterOf("lib\"", "a:b\\c*", 10)).isEmpty();
    }

    @Test
    void aClusterFormsWhenASecondHolderArrivesLater() {
        Indexer indexer = new Indexer(catalog(), backend());
        load(catalog(), List.of(book("lib", "later-1", "遅れて来た本", null, "後藤, 一", null, 1999, "9784000000017")));
        indexer.catchUp();
        assertThat(search("遅れて来た本", true).hits()).singleElement().satisfies(h -> assertThat(h.clusterSize()).isEqualTo(1));
        load(catalog(), List.of(book("museum", "later-2", "遅れて来た本 (所蔵館版)", null, null, null, 1999, "9784000000017")));
        indexer.catchUp();
        SearchResult clustered = search("遅れて来た本", true);
        assertThat(clustered.hits()).singleElement().satisfies(h -> {
            assertThat(h.clusterSize()).isEqualTo(2);
            assertThat(h.others()).hasSize(1);
        });
        assertThat(search("遅れて来た本", false).hits()).hasSize(2);
        // leave the shared corpus as it was for the other tests
        catalog().commit(new Page(0, "lib", List.of(new Page.Deleted(new RawRecord("lib", "later-1", "csv", null, true,
                List.of(), new byte[0]))), null));
        catalog().commit(new Page(0, "museum", List.of(new Page.Deleted(new RawRecord("museum", "later-2", "csv", null, true,
                List.of(), new byte[0]))), null));
        indexer.catchUp();
        assertThat(search("遅れて来た本", false).hits()).isEmpty();
    }

    @Test
    void clusteredPagesListEachWorkOnceInRankOrderAndAgreeWithSolrsCollapse() {
        // three works held by 8 providers each (same ISBN) and 10 works held once, all matching one word:
        // the clusters fill the top ranks, so a page of 5 needs a second, larger fetch to find its heads
        List<Record> records = new ArrayList<>();
        String[] isbns = {"9784000000024", "9784000000031", "9784000000048"};
        for (int w = 0; w < 3; w++) {
            for (int h = 0; h < 8; h++) {
                records.add(book(h % 2 == 0 ? "lib" : "museum", "held-" + w + "-" + h, "翡翠の研究 翡翠 翡翠 第" + w + "巻", null,
                        "石田, 一", null, 1990 + w, isbns[w]));
            }
        }
        for (int i = 0; i < 10; i++) {
            records.add(book("lib", "single-" + i, "翡翠 第" + (10 + i) + "集", null, "木村, " + i, null, 1970 + i, null));
        }
        load(catalog(), records);
        Indexer indexer = new Indexer(catalog(), backend());
        indexer.catchUp();
        try {
            Searcher searcher = new Searcher(backend());
            List<SearchResult.Hit> paged = new ArrayList<>();
            long total = -1;
            for (int page = 1; page <= 4; page++) {
                SearchResult r = searcher.search(new SearchQuery(new KuraQueryParser().parse("翡翠"), Map.of(), null, null,
                        SearchQuery.Sort.RELEVANCE, page, 5, null, true));
                total = r.total();
                paged.addAll(r.hits());
            }
            assertThat(total).as("3 works held 8 times + 10 held once").isEqualTo(13);
            assertThat(paged).hasSize(13).extracting(SearchResult.Hit::id).doesNotHaveDuplicates();
            assertThat(paged).filteredOn(h -> h.recordId().startsWith("held-")).hasSize(3).allSatisfy(h -> {
                assertThat(h.clusterSize()).isEqualTo(8);
                assertThat(h.others()).hasSize(7).extracting(SearchResult.Other::id).doesNotContain(h.id());
            });
            // the same works as Solr's collapse (the cursor path); which record heads a cluster may differ where
            // its records score the same (the collapse breaks ties by index order, which varies between runs)
            Set<String> collapsed = new HashSet<>();
            String cursor = "*";
            for (int i = 0; i < 10; i++) {
                SearchResult r = searcher.search(new SearchQuery(new KuraQueryParser().parse("翡翠"), Map.of(), null, null,
                        SearchQuery.Sort.RELEVANCE, 1, 5, cursor, true));
                r.hits().forEach(h -> collapsed.add(h.clusterKey()));
                if (r.nextCursor() == null || r.nextCursor().equals(cursor)) {
                    break;
                }
                cursor = r.nextCursor();
            }
            assertThat(paged).extracting(SearchResult.Hit::clusterKey).containsExactlyInAnyOrderElementsOf(collapsed);
            // a filter applies to a cluster's members too: one provider's holdings of a work
            SearchResult museum = searcher.search(new SearchQuery(new KuraQueryParser().parse("翡翠の研究"),
                    Map.of("provider", List.of("museum")), null, null, SearchQuery.Sort.RELEVANCE, 1, 20, null, true));
            assertThat(museum.hits()).hasSize(3).allSatisfy(h -> assertThat(h.clusterSize()).isEqualTo(4));
            assertThat(museum.total()).isEqualTo(3);
        } finally {
            for (Record r : records) {
                catalog().commit(new Page(0, r.providerId(), List.of(new Page.Deleted(new RawRecord(r.providerId(), r.id(), "csv", null,
                        true, List.of(), new byte[0]))), null));
            }
            indexer.catchUp();
        }
    }

    @Test
    void titlesAndNamesAreHighlightedInTheFormTheRecordWritesThem() {
        SearchResult.Hit kokugaku = search("国学の本義").hits().stream().filter(h -> h.recordId().equals("kokugaku-1")).findFirst()
                .orElseThrow();
        // the new form typed, the old form in the record: the highlight marks the record's own characters
        assertThat(kokugaku.highlights().get("title")).singleElement().asString().contains("<em>國學</em>");
        // two words: each marked where it is, the name in the creator and the title in the title
        SearchResult.Hit soseki = search("漱石 こころ").hits().stream().filter(h -> h.recordId().equals("kokoro")).findFirst().orElseThrow();
        assertThat(soseki.highlights().get("creator")).singleElement().asString().contains("<em>漱石</em>");
        assertThat(soseki.highlights().get("title")).singleElement().asString().isEqualTo("<em>こころ</em>");
    }

    @Test
    void booleanPhraseAndFieldedQueries() {
        assertThat(ids(search("夏目 -猫"))).contains("kokoro").doesNotContain("neko-1");
        assertThat(ids(search("こころ OR 銀河"))).contains("kokoro", "ginga");
        assertThat(ids(search("\"Tale of Genji\""))).containsExactly("genji");
        assertThat(ids(search("tales"))).contains("genji"); // English stemming
        assertThat(ids(search("year:1900-1940"))).contains("kokugaku-2", "kokoro", "ginga", "jishin").doesNotContain("kokugaku-1");
        assertThat(ids(search("year:2000-"))).containsExactlyInAnyOrder("shippo", "genji");
    }

    @Test
    void facetsCountAndMultiSelectKeepsOtherValues() {
        SearchResult all = search("");
        assertThat(all.total()).isEqualTo(8); // 9 records, two in one cluster
        assertThat(all.facets().get("provider")).extracting(SearchResult.FacetValue::value).contains("lib", "museum");
        assertThat(all.years()).isNotEmpty();
        assertThat(all.years()).extracting(v -> Integer.parseInt(v.value())).isSorted().allMatch(y -> y % 10 == 0);
        SearchResult early = new Searcher(backend()).search(new SearchQuery(new KuraQueryParser().parse(""), Map.of(), 1900, 1949,
                SearchQuery.Sort.RELEVANCE, 1, 20, null, false));
        assertThat(early.years()).as("the histogram ignores its own year filter (multi-select)").isEqualTo(
                new Searcher(backend()).search(new SearchQuery(new KuraQueryParser().parse(""), Map.of(), null, null,
                        SearchQuery.Sort.RELEVANCE, 1, 20, null, false)).years());
        assertThat(early.hits()).allMatch(h -> h.year() != null && h.year() >= 1900 && h.year() <= 1949);
        SearchResult museum = new Searcher(backend()).search(new SearchQuery(new KuraQueryParser().parse(""),
                Map.of("provider", List.of("museum")), null, null, SearchQuery.Sort.RELEVANCE, 1, 20, null, false));
        assertThat(museum.hits()).allMatch(h -> h.provider().equals("museum"));
        assertThat(museum.facets().get("provider")).hasSize(2); // multi-select: the other provider still counted
        assertThat(museum.facets().get("type")).extracting(SearchResult.FacetValue::value).containsExactlyInAnyOrder("BOOK", "IMAGE");
    }

    @Test
    void sortingAndCursorPagingVisitEveryRecordOnce() {
        SearchResult byDate = new Searcher(backend()).search(new SearchQuery(new KuraQueryParser().parse(""), Map.of(),
                null, null, SearchQuery.Sort.DATE_ASC, 1, 3, null, false));
        assertThat(byDate.hits()).extracting(SearchResult.Hit::year).containsExactly(1904, 1905, 1905);
        Set<String> seen = new HashSet<>();
        String cursor = "*";
        for (int i = 0; i < 20; i++) {
            SearchResult page = new Searcher(backend()).search(new SearchQuery(new KuraQueryParser().parse(""), Map.of(),
                    null, null, SearchQuery.Sort.TITLE, 1, 2, cursor, false));
            page.hits().forEach(h -> assertThat(seen.add(h.id())).isTrue());
            if (page.nextCursor() == null || page.nextCursor().equals(cursor)) {
                break;
            }
            cursor = page.nextCursor();
        }
        assertThat(seen).hasSize(9);
    }

    @Test
    void hostileQueriesAreSearchedAsTextNeverAsSyntax() {
        List<String> hostile = List.of("{!xmlparser v='<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>'}", "title:\"unbalanced",
                "\"", "((((", "))", "*:*", "\\", "AND OR NOT", "_query_:\"{!dismax}x\"", "id:*", "a".repeat(10_000),
                "夏目\u0000\u0007漱石", "-", "year:abc", "title:", ":", "{!func}sum(1,1)", "\uD800");
        for (String q : hostile) {
            SearchResult r = search(q);
            assertThat(r.total()).as(q).isGreaterThanOrEqualTo(0);
        }
        assertThat(search("*:*").total()).isZero(); // "*:*" typed by a user is text, not match-all
        assertThat(search("{!xmlparser v='<a/>'}").total()).isZero();
    }

    @Test
    void cqlQueriesForSru() {
        CqlParser cql = new CqlParser();
        Searcher s = new Searcher(backend());
        assertThat(ids(s.search(SearchQuery.of(cql.parse("dc.title = \"銀河鉄道の夜\""))))).containsExactly("ginga");
        assertThat(ids(s.search(SearchQuery.of(cql.parse("dc.creator any \"宮沢 芳賀\""))))).containsExactlyInAnyOrder("ginga", "kokugaku-2");
        assertThat(ids(s.search(SearchQuery.of(cql.parse("dc.date >= 2000 and dc.title all \"ねこ しっぽ\""))))).containsExactly("shippo");
        assertThat(ids(s.search(SearchQuery.of(cql.parse("夏目 not dc.title = 猫"))))).contains("kokoro").doesNotContain("neko-1");
        assertThatThrownBy(() -> cql.parse("dc.colour = red")).isInstanceOf(QuerySyntaxException.class).hasMessageContaining("unsupported index");
        assertThatThrownBy(() -> cql.parse("(dc.title = x")).isInstanceOf(QuerySyntaxException.class);
        assertThatThrownBy(() -> cql.parse("dc.title = \"x")).isInstanceOf(QuerySyntaxException.class);
    }

    @Test
    void didYouMeanWhenNothingIsFound() {
        SearchResult r = search("Genjii");
        assertThat(r.total()).isZero();
        assertThat(r.didYouMean()).isNotNull().containsIgnoringCase("genji");
        assertThat(search("genji").didYouMean()).isNull();
    }

    @Test
    void autocompleteOnTitlesAndNames() {
        assertThat(new Searcher(backend()).suggest("銀河", 5)).contains("銀河鐵道の夜");
        assertThat(new Searcher(backend()).suggest("夏目", 5)).anyMatch(s -> s.startsWith("夏目"));
        assertThat(new Searcher(backend()).suggest("", 5)).isEmpty();
    }

    @Test
    void indexerFollowsChangesDeletionsAndResumes() {
        Indexer indexer = new Indexer(catalog(), backend());
        assertThat(indexer.catchUp().changes()).isZero(); // already caught up
        long before = catalog().indexPosition(Indexer.POSITION);
        catalog().commit(new Page(0, "lib", List.of(new Page.Deleted(new RawRecord("lib", "kokoro", "csv", null, true,
                List.of(), new byte[0]))), null));
        load(catalog(), List.of(book("lib", "new-one", "新しい本", "アタラシイ ホン", null, null, 2020, null)));
        Indexer.IndexReport report = indexer.catchUp();
        assertThat(report.changes()).isEqualTo(2);
        assertThat(report.deleted()).isEqualTo(1);
        assertThat(catalog().indexPosition(Indexer.POSITION)).isGreaterThan(before);
        assertThat(ids(search("こころ"))).doesNotContain("kokoro");
        assertThat(ids(search("新しい本"))).containsExactly("new-one");
        // changed record: a new version replaces the document
        load(catalog(), List.of(book("lib", "new-one", "改訂 新しい本", null, null, null, 2021, null)));
        indexer.catchUp();
        assertThat(search("改訂").hits()).singleElement().satisfies(h -> assertThat(h.year()).isEqualTo(2021));
        // a full rebuild serves the same results
        Indexer.IndexReport rebuilt = indexer.rebuild();
        assertThat(rebuilt.indexed()).isEqualTo(9);
        assertThat(ids(search("国学"))).contains("kokugaku-1", "kokugaku-2");
        assertThat(ids(search("こころ"))).doesNotContain("kokoro");
    }

    @Test
    void pointsOfAQueryAndABoundingBoxFilter() {
        Indexer indexer = new Indexer(catalog(), backend());
        List<Record> placed = List.of(
                placed("geo-tokyo", "地図の本 東京", GeoLocation.point(35.6895, 139.6917, "東京")),
                placed("geo-tono", "地図の本 遠野", GeoLocation.point(39.3364, 141.5322, null)),
                placed("geo-berlin", "地図の本 ベルリン", new GeoLocation(null, new GeoLocation.Box(13.0, 52.3, 13.8, 52.7), null)),
                placed("geo-none", "地図の本 どこでもない", null));
        load(catalog(), placed);
        indexer.catchUp();
        try {
            GeoSearch geo = new GeoSearch(backend());
            SearchQuery q = new SearchQuery(new KuraQueryParser().parse("地図の本"), Map.of(), null, null,
                    SearchQuery.Sort.RELEVANCE, 1, 20, null, true);
            GeoPoints all = geo.points(q, null, GeoSearch.MAX_POINTS);
            assertThat(all.total()).isEqualTo(3);
            assertThat(all.points()).extracting(GeoPoints.Point::recordId)
                    .containsExactlyInAnyOrder("geo-tokyo", "geo-tono", "geo-berlin");
            assertThat(all.points()).filteredOn(p -> p.recordId().equals("geo-berlin")).singleElement().satisfies(p -> {
                assertThat(p.lat()).isCloseTo(52.5, org.assertj.core.api.Assertions.within(1e-6)); // the box's centre
                assertThat(p.title()).isEqualTo("地図の本 ベルリン");
                assertThat(p.id()).isEqualTo("lib|geo-berlin");
            });
            // capped: the true total, fewer points
            GeoPoints one = geo.points(q, null, 1);
            assertThat(one.total()).isEqualTo(3);
            assertThat(one.shown()).isEqualTo(1);
            assertThat(one.points()).hasSize(1);
            // Japan only: Tokyo and Tono, not Berlin; the same box narrows the ordinary search
            GeoBox japan = GeoBox.parse("122,24,154,46");
            assertThat(geo.points(q, japan, 100).points()).extracting(GeoPoints.Point::recordId)
                    .containsExactlyInAnyOrder("geo-tokyo", "geo-tono");
            assertThat(ids(new Searcher(backend()).search(q, japan))).containsExactlyInAnyOrder("geo-tokyo", "geo-tono");
            assertThat(new Searcher(backend()).search(q).total()).isEqualTo(4);
            // a box across the antimeridian finds nothing here, and does not fail
            assertThat(geo.points(q, GeoBox.parse("170,-10,-170,10"), 100).total()).isZero();
            // place names are searchable
            assertThat(ids(search("東京 地図の本"))).contains("geo-tokyo");
        } finally {
            for (Record r : placed) {
                catalog().commit(new Page(0, "lib", List.of(new Page.Deleted(new RawRecord("lib", r.id(), "csv", null, true,
                        List.of(), new byte[0]))), null));
            }
            indexer.catchUp();
        }
    }

    @Test
    void badBoundingBoxesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> GeoBox.parse("1,2,3")).hasMessageContaining("four numbers");
        assertThatThrownBy(() -> GeoBox.parse("a,2,3,4")).hasMessageContaining("not a number: a");
        assertThatThrownBy(() -> GeoBox.parse("0,95,10,96")).hasMessageContaining("latitude 95.0");
        assertThatThrownBy(() -> GeoBox.parse("0,10,190,20")).hasMessageContaining("longitude 190.0");
        assertThatThrownBy(() -> GeoBox.parse("0,20,10,10")).hasMessageContaining("minLat");
        assertThatThrownBy(() -> GeoBox.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    static Record placed(String id, String title, GeoLocation where) {
        Record.Builder b = Record.builder(id, "lib").materialType(MaterialType.BOOK)
                .title(new Title(title, null, TitleType.MAIN, "ja"));
        if (where != null) {
            b.geoLocation(where);
        }
        return b.build();
    }
}
