package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kura.model.AccessTier;
import org.kura.search.SolrCloudBackend;

/**
 * The page-text index on a real SolrCloud (two nodes, a collection of two shards routed by item): the
 * best page per item (collapse) and the item's other pages (expand) need every page of an item on one
 * shard, which routing by {@code item_id} gives.
 */
class PageTextIndexCloudTest {
    static MiniSolrCloudCluster cluster;
    static PageTextIndex index;

    @BeforeAll
    static void start() throws Exception {
        cluster = new MiniSolrCloudCluster.Builder(2, Files.createTempDirectory("kura-text-cloud")).build();
        index = new PageTextIndex(new SolrCloudBackend(cluster.getZkServer().getZkAddress(), "kura_text", 2, 1, "item_id"));
        for (int i = 1; i <= 12; i++) {
            List<PageText> pages = new ArrayList<>();
            for (int p = 1; p <= 6; p++) {
                String text = p % 2 == 0 ? "第" + p + "頁。親譲りの無鉄砲で小供の時から損ばかりしている。" : "第" + p + "頁。山路を登りながら、こう考えた。";
                pages.add(new PageText(p, 1000, 1400, false, List.of(new TextLine(text, new Box(100, 100 * p, 800, 40), List.of(), false)),
                        "alto"));
            }
            index.index(new PageTextIndex.ItemInfo("item-" + i, "lib:rec-" + i, "lib", i % 3 == 0 ? AccessTier.LIBRARY : AccessTier.PUBLIC,
                    "本 " + i), pages, 1, Map.of(2, "p. 1"));
        }
        index.commit();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            index.close();
            // as Solr's own cloud tests do: unload the cores while the cluster is whole, so that stopping the
            // nodes has no replicas to close (a CI run once spent minutes in, then failed, a shutdown with them)
            cluster.deleteAllCollections();
        } finally {
            cluster.shutdown();
        }
    }

    @Test
    void eachItemAppearsOnceWithItsBestPageQuotedAndItsOtherPagesNamed() {
        PageTextIndex.Hits hits = index.search(new PageTextIndex.TextQuery("無鉄砲", EnumSet.allOf(AccessTier.class), null, null, 1, 20, 3));
        assertThat(hits.items()).isEqualTo(12);
        assertThat(hits.hits()).hasSize(12).extracting(PageTextIndex.ItemHit::itemId).doesNotHaveDuplicates();
        for (PageTextIndex.ItemHit h : hits.hits()) {
            assertThat(h.pagesMatched()).isEqualTo(3); // pages 2, 4, 6
            assertThat(h.pages()).hasSize(3).allSatisfy(p -> assertThat(p.page() % 2).isZero());
            PageTextIndex.PageHit best = h.pages().get(0);
            assertThat(best.text()).contains("無鉄砲");
            assertThat(best.spans()).singleElement().satisfies(s -> assertThat(best.text().substring(s[0], s[1])).isEqualTo("無鉄砲"));
            assertThat(h.pages().subList(1, 3)).allSatisfy(p -> assertThat(p.text()).isNull());
        }
    }

    @Test
    void tiersRecordsAndPagingFilterAcrossShards() {
        assertThat(index.search(new PageTextIndex.TextQuery("無鉄砲", EnumSet.of(AccessTier.PUBLIC), null, null, 1, 20, 3)).items())
                .isEqualTo(8);
        assertThat(index.search(new PageTextIndex.TextQuery("無鉄砲", EnumSet.of(AccessTier.PUBLIC, AccessTier.LIBRARY), null, null, 1, 20, 3))
                .items()).isEqualTo(12);
        assertThat(index.search(new PageTextIndex.TextQuery("無鉄砲", EnumSet.allOf(AccessTier.class), null, List.of("lib:rec-5", "lib:rec-7"),
                1, 20, 3)).hits()).extracting(PageTextIndex.ItemHit::itemId).containsExactlyInAnyOrder("item-5", "item-7");
        PageTextIndex.Hits second = index.search(new PageTextIndex.TextQuery("無鉄砲", EnumSet.allOf(AccessTier.class), null, null, 2, 5, 1));
        assertThat(second.hits()).hasSize(5);
    }

    @Test
    void insideOneItemAndItsWordsAndAReplacement() {
        PageTextIndex.Within w = index.within("item-4", "山路", 0, 10);
        assertThat(w.pagesMatched()).isEqualTo(3);
        assertThat(w.pages()).extracting(PageTextIndex.PageMatch::page).containsExactly(1, 3, 5);
        assertThat(index.terms("item-4", "無鉄", 5)).extracting(PageTextIndex.Term::value).contains("無鉄砲");
        // a new version of an item's text replaces all its pages (an item of its own: the other tests count items)
        index.index(new PageTextIndex.ItemInfo("item-99", "lib:rec-99", "lib", AccessTier.WITHHELD, "本 99"),
                List.of(new PageText(1, 0, 0, false, List.of(TextLine.of("山路")), "plain"),
                        new PageText(2, 0, 0, false, List.of(TextLine.of("山路")), "plain")), 1, Map.of());
        index.commit();
        index.index(new PageTextIndex.ItemInfo("item-99", "lib:rec-99", "lib", AccessTier.WITHHELD, "本 99"),
                List.of(new PageText(1, 0, 0, false, List.of(TextLine.of("草枕")), "plain")), 2, Map.of());
        index.commit();
        assertThat(index.within("item-99", "山路", 0, 10).pagesMatched()).isZero();
        assertThat(index.within("item-99", "草枕", 0, 10).pagesMatched()).isEqualTo(1);
    }
}
