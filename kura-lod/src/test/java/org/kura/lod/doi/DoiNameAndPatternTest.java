package org.kura.lod.doi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DOI syntax (ISO 26324 prefix/suffix, DataCite's recommended suffix characters) and suffix patterns. */
class DoiNameAndPatternTest {

    @Test
    void aDoiIsPrefixSlashSuffixComparedWithoutCase() {
        DoiName d = DoiName.parse("10.99999/kura.Demo-Public");
        assertThat(d.prefix()).isEqualTo("10.99999");
        assertThat(d.suffix()).isEqualTo("kura.Demo-Public");
        assertThat(d.key()).isEqualTo(DoiName.parse("10.99999/KURA.demo-public").key());
        assertThat(d.url()).isEqualTo("https://doi.org/10.99999/kura.Demo-Public");
        assertThat(DoiName.parse("10.1000.10/a/b(1);c:d_e").toString()).isEqualTo("10.1000.10/a/b(1);c:d_e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.99999", "10.99999/", "11.1234/x", "10.12/x", "10.abcd/x", "10.99999/a..b", "10.99999/../x",
            "10.99999/a//b", "10.99999//a", "10.99999/a/", "10.99999/./a", "10.99999/a b", "10.99999/a\u0000b", "10.99999/a\nb",
            "10.99999/a%2Fb", "10.99999/日本", "10.99999/a?b", "10.99999/a#b", "10.99999/<x>", "doi:10.99999/x"})
    void malformedDoisAreRefusedWithAReason(String text) {
        assertThatThrownBy(() -> DoiName.parse(text)).isInstanceOf(DoiException.class)
                .satisfies(e -> assertThat(((DoiException) e).reason()).isEqualTo(DoiException.Reason.MALFORMED));
    }

    @Test
    void overlongDoisAreRefusedWithoutEchoingThem() {
        String huge = "10.99999/" + "a".repeat(10_000);
        assertThatThrownBy(() -> DoiName.parse(huge)).isInstanceOf(DoiException.class)
                .hasMessageContaining("at most 255").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
        assertThat(DoiName.parse("10.99999/" + "a".repeat(246)).toString()).hasSize(255);
    }

    @Test
    void patternsFillInItemProviderYearAndSequence() {
        assertThat(new DoiPattern("10.99999", "kura.{item}").name("demo-public", "ndl", 2026, 7))
                .hasToString("10.99999/kura.demo-public");
        assertThat(new DoiPattern("10.99999", "{provider}.{yyyy}.{seq}").name("demo-public", "ndl", 2026, 7))
                .hasToString("10.99999/ndl.2026.7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kura", "kura.{yyyy}", "{provider}", "kura.{items}", "kura {item}", "kura..{item}", "/{item}",
            "日本.{item}"})
    void patternsThatCannotMakeDistinctValidDoisAreRefused(String pattern) {
        assertThatThrownBy(() -> new DoiPattern("10.99999", pattern)).isInstanceOf(DoiException.class)
                .satisfies(e -> assertThat(((DoiException) e).reason()).isEqualTo(DoiException.Reason.BAD_PATTERN));
    }

    @Test
    void badPrefixesAndIdsThatBreakTheSyntaxAreRefused() {
        assertThatThrownBy(() -> new DoiPattern("10.9", "{item}")).hasMessageContaining("doi.prefix");
        assertThatThrownBy(() -> new DoiPattern("99999", "{item}")).hasMessageContaining("doi.prefix");
        DoiPattern p = new DoiPattern("10.99999", "kura.{item}.");
        assertThatThrownBy(() -> p.name(".x", null, 2026, 1)).isInstanceOf(DoiException.class).hasMessageContaining("item .x");
        DoiPattern byProvider = new DoiPattern("10.99999", "{provider}.{seq}");
        assertThatThrownBy(() -> byProvider.name("x", null, 2026, 1)).hasMessageContaining("{provider}");
    }

    @Test
    void languagesBecomeBcp47Tags() {
        assertThat(DataCiteTerms.bcp47("jpn")).isEqualTo("ja");
        assertThat(DataCiteTerms.bcp47("JPN")).isEqualTo("ja");
        assertThat(DataCiteTerms.bcp47("ja-Kana")).isEqualTo("ja-Kana");
        assertThat(DataCiteTerms.bcp47("ain")).isEqualTo("ain");
        assertThat(DataCiteTerms.bcp47("ja_JP")).isNull();
        assertThat(DataCiteTerms.bcp47("日本語")).isNull();
    }
}
