package org.kura.fulltext.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kura.fulltext.PageText;
import org.kura.fulltext.TextLine;

class AccessibleTextTest {
    private static final List<PageText> TWO = List.of(
            new PageText(1, 0, 0, false, List.of(TextLine.of("a")), "plain"),
            new PageText(2, 0, 0, false, List.of(TextLine.of("b")), "plain"));

    @Test
    void requiresIdTitleWellFormedLanguageAndModified() {
        assertThatThrownBy(() -> AccessibleText.of(" ", "T", "en", List.of(), TWO, Books.MODIFIED))
                .hasMessageContaining("itemId");
        assertThatThrownBy(() -> AccessibleText.of("i", "\u0001", "en", List.of(), TWO, Books.MODIFIED))
                .hasMessageContaining("title");
        assertThatThrownBy(() -> AccessibleText.of("i", "T", "not a tag!", List.of(), TWO, Books.MODIFIED))
                .hasMessageContaining("BCP 47");
        assertThatThrownBy(() -> AccessibleText.of("i", "T", "en", List.of(), TWO, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void languageTagIsNormalized() {
        assertThat(AccessibleText.of("i", "T", "ja_jp".replace('_', '-'), List.of(), TWO, Books.MODIFIED).language())
                .isEqualTo("ja-JP");
    }

    @Test
    void labelsMatchPagesOneToOneAndBlankOnesFallBackToNumbers() {
        AccessibleText t = AccessibleText.of("i", "T", "en", null, TWO, Books.MODIFIED);
        assertThatThrownBy(() -> t.withPageLabels(List.of("only one"))).hasMessageContaining("1 page labels for 2 pages");
        AccessibleText labelled = t.withPageLabels(Arrays.asList(" ", "ii"));
        assertThat(labelled.labelAt(0)).isNull();
        assertThat(labelled.pageName(0, TWO.get(0))).isEqualTo("1");
        assertThat(labelled.pageName(1, TWO.get(1))).isEqualTo("ii");
        assertThat(t.creators()).isEmpty();
        assertThat(t.labelAt(1)).isNull();
    }

    @Test
    void urnPercentEncodesWhatAUrnCannotHold() {
        AccessibleText t = AccessibleText.of("dl:ndl/1234 漢", "T", "en", List.of(), TWO, Books.MODIFIED);
        assertThat(t.urn()).isEqualTo("urn:kura:item:dl:ndl%2F1234%20%E6%BC%A2");
    }
}
