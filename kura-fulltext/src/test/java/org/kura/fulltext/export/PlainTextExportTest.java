package org.kura.fulltext.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kura.fulltext.PageText;
import org.kura.fulltext.TextLine;

class PlainTextExportTest {
    private final PlainTextExport export = new PlainTextExport();

    private String text(AccessibleText t) {
        byte[] bytes = export.toBytes(t);
        assertThat(bytes[0]).as("no byte order mark").isNotEqualTo((byte) 0xEF);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void japaneseBookHasItsHeaderThenEachPageUnderItsLabel() {
        String out = text(Books.neko());
        assertThat(out).startsWith("""
                タイトル: 吾輩は猫である
                著者: 夏目漱石
                出版者: 大倉書店
                出版年月日: 1905
                資料ID: urn:kura:item:neko-1905
                権利: パブリックドメイン（著作権保護期間満了）
                言語: ja

                --- 表紙 ---
                吾輩は猫である
                夏目漱石

                --- p. 1 ---
                一
                　吾輩は猫である。名前はまだ無い。
                　どこで生れたかとんと見当がつかぬ。何で
                も薄暗いじめじめした所でニャーニャー泣い
                ていた事だけは記憶している。

                --- p. 2 ---
                　吾輩はここで始めて人間というものを見た。
                """);
        assertThat(out).endsWith("食うという話である。」\n");
        assertThat(out.indexOf("--- 表紙 ---")).isLessThan(out.indexOf("--- p. 1 ---"));
        assertThat(out.indexOf("--- p. 1 ---")).isLessThan(out.indexOf("--- p. 2 ---"));
    }

    @Test
    void pagesWithoutLabelsAreNumberedAndTheHeaderIsInEnglish() {
        String out = text(Books.alice());
        assertThat(out).startsWith("Title: Alice\u2019s Adventures in Wonderland\nCreators: Lewis Carroll\n"
                + "Publisher: Macmillan\nDate: 1865-11\nItem: urn:kura:item:alice-1865\nRights: Public domain\nLanguage: en\n\n"
                + "--- p. 1 ---\nCHAPTER I.\nDown the Rabbit-Hole\n");
        assertThat(out).contains("peeped into the\nbook her sister was reading, but it had no pictures or conver-\nsations")
                .contains("\n\n--- p. 2 ---\nSo she was considering");
        assertThat(out.lines().filter(l -> l.startsWith("--- "))).containsExactly("--- p. 1 ---", "--- p. 2 ---");
    }

    @Test
    void unicodeIsKeptAndControlsAreDropped() {
        PageText p = new PageText(7, 0, 0, false, List.of(
                TextLine.of("𠮷野家の🍣 and naïve café — «quote» <b>&amp;</b>"),
                TextLine.of("tab\there\u0000\u0008 done\uD800"),
                TextLine.of("one\ntwo")), "plain");
        String out = text(AccessibleText.of("u", "Ünïcödé", "fr", List.of("Zoë", "  "), List.of(p), Books.MODIFIED));
        assertThat(out).isEqualTo("Title: Ünïcödé\nCreators: Zoë\nItem: urn:kura:item:u\nLanguage: fr\n\n"
                + "--- p. 7 ---\n𠮷野家の🍣 and naïve café — «quote» <b>&amp;</b>\ntab\there done\none two\n");
    }

    @Test
    void emptyPagesKeepTheirSeparators() {
        String out = text(Books.withEmptyPages());
        assertThat(out).endsWith("--- p. 1 ---\nBefore.\n\n--- p. 2 ---\n\n--- p. 3 ---\n \n\n\n--- p. 4 ---\nAfter.\n");
    }

    @Test
    void writesToTheCallersStreamWithoutClosingIt() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        export.write(Books.alice(), bytes);
        assertThat(closed[0]).isFalse();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("Title: ");
        assertThat(export.mediaType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(export.fileExtension()).isEqualTo("txt");
    }
}
