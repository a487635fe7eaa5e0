package org.kura.fulltext;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetGuardTest {
    static final String TEXT = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。";

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

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
            return now;
        }
    }

    static SnippetGuard.PageWithHits hit(int page, String word) {
        int at = TEXT.indexOf(word);
        return new SnippetGuard.PageWithHits(page, TEXT, List.of(new int[] {at, at + word.length()}));
    }

    static String plain(SnippetGuard.Snippet s) {
        return s.text().replace("\u0001", "").replace("\u0002", "");
    }

    @Test
    void aSnippetIsAShortWindowAroundTheHitWithTheHitMarked() {
        SnippetGuard guard = new SnippetGuard(new SnippetLimits(2, 12, 10, 1000), new TestClock());
        SnippetGuard.Answer a = guard.restricted("r", "item", List.of(hit(1, "見当")));
        assertThat(a.snippets()).singleElement().satisfies(s -> {
            assertThat(plain(s)).hasSize(12).contains("見当");
            assertThat(s.text()).contains("\u0001見当\u0002");
            assertThat(TEXT).contains(plain(s));
        });
    }

    @Test
    void atMostTheConfiguredNumberOfSnippetsPerItem() {
        SnippetGuard guard = new SnippetGuard(new SnippetLimits(2, 10, 10, 1000), new TestClock());
        SnippetGuard.Answer a = guard.restricted("r", "item", List.of(hit(1, "吾輩"), hit(2, "名前"), hit(3, "見当"), hit(4, "記憶")));
        assertThat(a.snippets()).hasSize(2);
    }

    @Test
    void manyQueriesCannotPieceTheTextTogetherButRepeatingOneCostsNothing() {
        TestClock clock = new TestClock();
        SnippetGuard guard = new SnippetGuard(new SnippetLimits(1, 10, 1000, 30), clock);
        assertThat(guard.restricted("r", "item", List.of(hit(1, "吾輩"))).snippets()).hasSize(1);
        for (int i = 0; i < 20; i++) { // the same passage again and again: no new characters
            assertThat(guard.restricted("r", "item", List.of(hit(1, "吾輩"))).snippets()).hasSize(1);
        }
        assertThat(guard.restricted("r", "item", List.of(hit(1, "生れ"))).snippets()).hasSize(1);
        assertThat(guard.restricted("r", "item", List.of(hit(1, "薄暗い"))).snippets()).hasSize(1);
        SnippetGuard.Answer fourth = guard.restricted("r", "item", List.of(hit(1, "記憶")));
        assertThat(fourth.snippets()).isEmpty();
        assertThat(fourth.heldBack()).contains("passage limit");
        // another reader and another item have their own budgets
        assertThat(guard.restricted("other", "item", List.of(hit(1, "記憶"))).snippets()).hasSize(1);
        assertThat(guard.restricted("r", "item-2", List.of(hit(1, "記憶"))).snippets()).hasSize(1);
        // a day later the budget is new
        clock.now = clock.now.plus(Duration.ofHours(25));
        assertThat(guard.restricted("r", "item", List.of(hit(1, "記憶"))).snippets()).hasSize(1);
    }

    @Test
    void theHourlyQueryLimitSlides() {
        TestClock clock = new TestClock();
        SnippetGuard guard = new SnippetGuard(new SnippetLimits(2, 50, 3, 400), clock);
        assertThat(guard.admitQuery("r")).isTrue();
        assertThat(guard.admitQuery("r")).isTrue();
        assertThat(guard.admitQuery("r")).isTrue();
        assertThat(guard.admitQuery("r")).isFalse();
        assertThat(guard.admitQuery("someone else")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertThat(guard.admitQuery("r")).isTrue();
    }

    @Test
    void windowsStayInsideTheTextAndCutLongHits() {
        assertThat(SnippetGuard.window(100, 0, 2, 10)).containsExactly(0, 10);
        assertThat(SnippetGuard.window(100, 98, 100, 10)).containsExactly(90, 100);
        assertThat(SnippetGuard.window(5, 1, 2, 10)).containsExactly(0, 5);
        assertThat(SnippetGuard.window(100, 10, 60, 10)).containsExactly(10, 20);
    }

    @Test
    void spansFromMarkedTextMergeAdjacentBigrams() {
        String marked = "ab\u0001cd\u0002\u0001de\u0002f\u0001g\u0002";
        assertThat(PageTextIndex.spans(marked)).containsExactly(new int[] {2, 6}, new int[] {7, 8});
        assertThat(PageTextIndex.spans("no hits")).isEmpty();
        assertThat(PageTextIndex.spans("\u0002broken\u0001")).isEmpty();
    }
}
