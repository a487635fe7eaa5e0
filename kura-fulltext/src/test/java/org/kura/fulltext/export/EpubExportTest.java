package org.kura.fulltext.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.fulltext.PageText;
import org.kura.fulltext.TextLine;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class EpubExportTest {
    @TempDir
    Path dir;

    private final EpubExport export = new EpubExport();

    private EpubCheckRun assertValid(AccessibleText text, String name) throws IOException {
        return assertValid(export.toBytes(text), name);
    }

    private EpubCheckRun assertValid(byte[] epub, String name) throws IOException {
        EpubCheckRun run = EpubCheckRun.check(epub, dir, name);
        System.out.println(name + ": " + run);
        run.usage.forEach(u -> System.out.println("  " + u));
        assertThat(run.getFatalErrorCount()).as(run.toString()).isZero();
        assertThat(run.getErrorCount()).as(run.toString()).isZero();
        assertThat(run.getWarningCount()).as(run.toString()).isZero();
        return run;
    }

    @Test
    void verticalJapaneseBookPassesEpubCheck() throws IOException {
        assertValid(Books.neko(), "neko");
    }

    @Test
    void horizontalEnglishBookPassesEpubCheck() throws IOException {
        assertValid(Books.alice(), "alice");
    }

    @Test
    void hostileTextPassesEpubCheck() throws IOException {
        assertValid(Books.hostile(), "hostile");
    }

    @Test
    void emptyPagesPassEpubCheck() throws IOException {
        assertValid(Books.withEmptyPages(), "empty-pages");
    }

    @Test
    void aBookWithoutPagesPassesEpubCheck() throws IOException {
        assertValid(AccessibleText.of("none", "Nothing yet", "en", List.of(), List.of(), Books.MODIFIED), "no-pages");
    }

    @Test
    void aDocumentPerPagePassesEpubCheck() throws IOException {
        byte[] epub = new EpubExport(1).toBytes(Books.neko());
        assertValid(epub, "neko-per-page");
        assertThat(new EpubFile(epub).contentDocuments())
                .containsExactly("EPUB/text-0001.xhtml", "EPUB/text-0002.xhtml", "EPUB/text-0003.xhtml");
    }

    @Test
    void epubCheckFindsWhatIsWrongInABrokenCopy() throws IOException {
        EpubFile good = new EpubFile(export.toBytes(Books.alice()));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (var e : good.entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                String content = new String(e.getValue(), StandardCharsets.UTF_8);
                if (e.getKey().equals("EPUB/text-0001.xhtml")) {
                    content = content.replace("<p>", "<para>").replace("</p>", "</para>"); // no such element
                }
                zip.write(content.getBytes(StandardCharsets.UTF_8));
            }
        }
        EpubCheckRun run = EpubCheckRun.check(bytes.toByteArray(), dir, "broken");
        assertThat(run.getErrorCount() + run.getFatalErrorCount()).as(run.toString()).isPositive();
        assertThat(run.messages).anyMatch(m -> m.contains("RSC-005") && m.contains("\"para\" not allowed"));
    }

    @Test
    void mimetypeComesFirstStoredWithoutExtraField() {
        byte[] epub = export.toBytes(Books.neko());
        ByteBuffer b = ByteBuffer.wrap(epub).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).as("local file header").isEqualTo(0x04034b50);
        assertThat(b.getShort(8)).as("compression method: stored").isZero();
        int nameLength = b.getShort(26);
        int extraLength = b.getShort(28);
        assertThat(new String(epub, 30, nameLength, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        assertThat(extraLength).isZero();
        assertThat(new String(epub, 30 + nameLength, 20, StandardCharsets.US_ASCII)).isEqualTo("application/epub+zip");

        EpubFile f = new EpubFile(epub);
        assertThat(f.names()).startsWith("mimetype", "META-INF/container.xml")
                .contains("EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/about.xhtml", "EPUB/style.css", "EPUB/text-0001.xhtml");
        Element rootfile = EpubFile.elements(f.xml("META-INF/container.xml"),
                "urn:oasis:names:tc:opendocument:xmlns:container", "rootfile").get(0);
        assertThat(rootfile.getAttribute("full-path")).isEqualTo("EPUB/package.opf");
        assertThat(rootfile.getAttribute("media-type")).isEqualTo("application/oebps-package+xml");
    }

    @Test
    void packageDocumentDescribesTheItemAndItsAccessibility() {
        EpubFile f = new EpubFile(export.toBytes(Books.neko()));
        Document opf = f.xml(EpubExport.PACKAGE);
        Element pkg = opf.getDocumentElement();
        assertThat(pkg.getAttribute("version")).isEqualTo("3.0");
        Element id = EpubFile.elements(opf, EpubFile.DC, "identifier").get(0);
        assertThat(id.getAttribute("id")).isEqualTo(pkg.getAttribute("unique-identifier"));
        assertThat(id.getTextContent()).isEqualTo("urn:kura:item:neko-1905");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "title").get(0).getTextContent()).isEqualTo("吾輩は猫である");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "language").get(0).getTextContent()).isEqualTo("ja");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "creator")).extracting(Node::getTextContent).containsExactly("夏目漱石");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "publisher").get(0).getTextContent()).isEqualTo("大倉書店");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "date").get(0).getTextContent()).isEqualTo("1905");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "rights").get(0).getTextContent()).contains("パブリックドメイン");
        assertThat(f.meta("dcterms:modified")).containsExactly("2024-05-01T09:30:00Z");
        assertThat(f.meta("schema:accessMode")).containsExactly("textual");
        assertThat(f.meta("schema:accessModeSufficient")).containsExactly("textual");
        assertThat(f.meta("schema:accessibilityFeature"))
                .contains("readingOrder", "printPageNumbers", "pageNavigation", "tableOfContents");
        assertThat(f.meta("schema:accessibilityHazard")).containsExactly("none");
        assertThat(f.meta("schema:accessibilitySummary")).singleElement().asString().contains("ページ", "OCR");
        List<String> spine = EpubFile.elements(opf, EpubFile.OPF, "itemref").stream().map(e -> e.getAttribute("idref")).toList();
        assertThat(spine).containsExactly("about", "nav", "t0001");
        Element nav = EpubFile.elements(opf, EpubFile.OPF, "item").stream()
                .filter(e -> "nav".equals(e.getAttribute("properties"))).findFirst().orElseThrow();
        assertThat(nav.getAttribute("href")).isEqualTo("nav.xhtml");
    }

    @Test
    void aDateThatIsNotW3cdtfStaysOutOfThePackageButIsShownOnTheAboutPage() {
        AccessibleText t = Books.alice().withPublication("Macmillan", "[1865?]", "Public domain");
        EpubFile f = new EpubFile(export.toBytes(t));
        assertThat(EpubFile.elements(f.xml(EpubExport.PACKAGE), EpubFile.DC, "date")).isEmpty();
        assertThat(f.xml("EPUB/about.xhtml").getDocumentElement().getTextContent()).contains("[1865?]", "Public domain");
    }

    @Test
    void verticalBookIsWrittenVerticallyRightToLeft() {
        EpubFile f = new EpubFile(export.toBytes(Books.neko()));
        Element spine = EpubFile.elements(f.xml(EpubExport.PACKAGE), EpubFile.OPF, "spine").get(0);
        assertThat(spine.getAttribute("page-progression-direction")).isEqualTo("rtl");
        String css = f.text("EPUB/style.css");
        assertThat(css).contains("writing-mode: vertical-rl;", "-epub-writing-mode: vertical-rl;");
        assertThat(f.xml("EPUB/text-0001.xhtml").getDocumentElement().getAttribute("xml:lang")).isEqualTo("ja");
    }

    @Test
    void horizontalBookIsWrittenLeftToRight() {
        EpubFile f = new EpubFile(export.toBytes(Books.alice()));
        Element spine = EpubFile.elements(f.xml(EpubExport.PACKAGE), EpubFile.OPF, "spine").get(0);
        assertThat(spine.getAttribute("page-progression-direction")).isEqualTo("ltr");
        assertThat(f.text(EpubExport.PACKAGE)).doesNotContain("rtl");
        assertThat(f.text("EPUB/style.css")).doesNotContain("writing-mode", "vertical");
    }

    @Test
    void oneVerticalPageAmongHorizontalOnesDoesNotTurnTheBook() {
        AccessibleText alice = Books.alice();
        List<PageText> pages = new ArrayList<>(alice.pages());
        pages.add(Books.vertical(3, "縦書きの一頁"));
        EpubFile f = new EpubFile(export.toBytes(AccessibleText.of("mixed", "Mixed", "en", List.of(), pages, Books.MODIFIED)));
        assertThat(f.text("EPUB/style.css")).doesNotContain("vertical-rl");
        assertThat(f.text(EpubExport.PACKAGE)).contains("page-progression-direction=\"ltr\"");
    }

    @Test
    void rightToLeftScriptGetsRtlProgressionAndDirection() throws IOException {
        PageText p = new PageText(1, 0, 0, false, List.of(TextLine.of("ألف ليلة وليلة")), "plain");
        AccessibleText t = AccessibleText.of("alf", "ألف ليلة وليلة", "ar", List.of(), List.of(p), Books.MODIFIED);
        byte[] epub = export.toBytes(t);
        assertValid(epub, "arabic");
        EpubFile f = new EpubFile(epub);
        assertThat(f.text(EpubExport.PACKAGE)).contains("page-progression-direction=\"rtl\"");
        assertThat(f.xml("EPUB/text-0001.xhtml").getDocumentElement().getAttribute("dir")).isEqualTo("rtl");
        assertThat(f.text("EPUB/style.css")).doesNotContain("vertical-rl");
    }

    @Test
    void pageListHasAnEntryForEveryPagePointingAtItsPageBreak() {
        EpubFile f = new EpubFile(export.toBytes(Books.neko()));
        assertThat(f.nav("page-list").getAttribute("role")).isEqualTo("doc-pagelist");
        List<Element> links = f.pageListLinks();
        assertThat(links).hasSize(3);
        assertThat(links).extracting(Node::getTextContent).containsExactly("表紙", "p. 1", "p. 2");
        assertThat(links).extracting(a -> a.getAttribute("href"))
                .containsExactly("text-0001.xhtml#p1", "text-0001.xhtml#p2", "text-0001.xhtml#p3");

        Document text = f.xml("EPUB/text-0001.xhtml");
        List<Element> breaks = EpubFile.elements(text, EpubFile.XHTML, "span").stream()
                .filter(s -> "pagebreak".equals(s.getAttributeNS(EpubFile.OPS, "type"))).toList();
        assertThat(breaks).extracting(s -> s.getAttribute("id")).containsExactly("p1", "p2", "p3");
        assertThat(breaks).extracting(s -> s.getAttribute("aria-label")).containsExactly("表紙", "p. 1", "p. 2");
        assertThat(breaks).allSatisfy(s -> {
            assertThat(s.getAttribute("role")).isEqualTo("doc-pagebreak");
            Element page = (Element) s.getParentNode();
            assertThat(page.getAttribute("class")).isEqualTo("page");
            assertThat(firstElementChild(page)).as("a page starts with its page break").isSameAs(s);
        });
    }

    @Test
    void pagesWithoutLabelsAreNamedByTheirNumbers() {
        EpubFile f = new EpubFile(export.toBytes(Books.alice()));
        String nav = f.text("EPUB/nav.xhtml");
        assertThat(nav).contains("<a href=\"text-0001.xhtml#p1\">1</a>", "<a href=\"text-0001.xhtml#p2\">2</a>");
        assertThat(f.text("EPUB/text-0001.xhtml")).contains("id=\"p2\" aria-label=\"2\"");
    }

    @Test
    void japaneseColumnsAreJoinedIntoParagraphsInReadingOrder() {
        EpubFile f = new EpubFile(export.toBytes(Books.neko()));
        List<String> paragraphs = EpubFile.elements(f.xml("EPUB/text-0001.xhtml"), EpubFile.XHTML, "p").stream()
                .map(Node::getTextContent).toList();
        assertThat(paragraphs).containsExactly(
                "吾輩は猫である", "夏目漱石",
                "一",
                "　吾輩は猫である。名前はまだ無い。",
                "　どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。",
                "　吾輩はここで始めて人間というものを見た。しかもあとで聞くとそれは書生という人間中で一番獰悪な種族であったそうだ。",
                "「この書生というのは時々我々を捕えて煮て食うという話である。」");
    }

    @Test
    void englishLinesAreJoinedAndHyphenatedWordsMended() {
        EpubFile f = new EpubFile(export.toBytes(Books.alice()));
        List<String> paragraphs = EpubFile.elements(f.xml("EPUB/text-0001.xhtml"), EpubFile.XHTML, "p").stream()
                .map(Node::getTextContent).toList();
        assertThat(paragraphs).hasSize(4);
        assertThat(paragraphs.get(0)).isEqualTo("CHAPTER I.");
        assertThat(paragraphs.get(1)).isEqualTo("Down the Rabbit-Hole");
        assertThat(paragraphs.get(2)).startsWith("Alice was beginning to get very tired of sitting by her sister on the bank, and")
                .contains("no pictures or conversations in it,").endsWith("\u201cwithout pictures or conversations?\u201d");
        assertThat(paragraphs.get(3)).startsWith("So she was considering").contains("daisy-chain").endsWith("close by her.");
    }

    @Test
    void hostileTextComesOutAsText() {
        EpubFile f = new EpubFile(export.toBytes(Books.hostile()));
        Document doc = f.xml("EPUB/text-0001.xhtml");
        assertThat(EpubFile.elements(doc, EpubFile.XHTML, "script")).isEmpty();
        assertThat(EpubFile.elements(doc, EpubFile.XHTML, "x")).isEmpty();
        List<String> paragraphs = EpubFile.elements(doc, EpubFile.XHTML, "p").stream().map(Node::getTextContent).toList();
        assertThat(paragraphs).containsExactly(
                "</p><script>alert(\"x\")</script>",
                "]]> &amp; &lt; <![CDATA[ x ]]>",
                "badcharshere",
                "<!-- c --><?pi x?>'\"",
                "line break  in a line");
        assertThat(EpubFile.elements(doc, EpubFile.XHTML, "title").get(0).getTextContent())
                .isEqualTo("</title><script>alert(1)</script>");
        List<Element> breaks = EpubFile.elements(doc, EpubFile.XHTML, "span");
        assertThat(breaks).extracting(s -> s.getAttribute("aria-label")).containsExactly("]]><x y=\"1\">", "2");

        Document opf = f.xml(EpubExport.PACKAGE);
        assertThat(EpubFile.elements(opf, EpubFile.DC, "identifier").get(0).getTextContent())
                .isEqualTo("urn:kura:item:a%2Fb%20c%3F%3Cx%3E&");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "creator")).extracting(Node::getTextContent).containsExactly("A & B <c>");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "rights").get(0).getTextContent()).isEqualTo("<i>CC0</i> & \"free\"");
        assertThat(EpubFile.elements(opf, EpubFile.DC, "date")).isEmpty();
        for (String name : f.names()) {
            assertThat(f.text(name)).as(name).doesNotContain("<script", "\u0000", "\u0007", "\uFFFE");
        }
    }

    @Test
    void emptyPagesStillHaveTheirPageBreaks() {
        EpubFile f = new EpubFile(export.toBytes(Books.withEmptyPages()));
        Document doc = f.xml("EPUB/text-0001.xhtml");
        assertThat(EpubFile.elements(doc, EpubFile.XHTML, "span")).extracting(s -> s.getAttribute("id"))
                .containsExactly("p1", "p2", "p3", "p4");
        assertThat(EpubFile.elements(doc, EpubFile.XHTML, "p")).extracting(Node::getTextContent).containsExactly("Before.", "After.");
        assertThat(f.text("EPUB/nav.xhtml")).contains("text-0001.xhtml#p2", "text-0001.xhtml#p3");
    }

    @Test
    void duplicatePageNumbersGetDistinctIds() throws IOException {
        PageText a = new PageText(5, 0, 0, false, List.of(TextLine.of("one")), "plain");
        AccessibleText t = AccessibleText.of("dup", "Dup", "en", List.of(), List.of(a, a, a), Books.MODIFIED);
        byte[] epub = export.toBytes(t);
        assertValid(epub, "duplicates");
        assertThat(new EpubFile(epub).text("EPUB/text-0001.xhtml")).contains("id=\"p5\"", "id=\"p5-2\"", "id=\"p5-3\"");
    }

    @Test
    void sameTextGivesSameBytesInAnyTimeZone() {
        byte[] first = export.toBytes(Books.neko());
        TimeZone zone = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(export.toBytes(Books.neko())).isEqualTo(first);
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(export.toBytes(Books.neko())).isEqualTo(first);
        } finally {
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void onlyThePackageDocumentChangesWithTheModifiedTime() {
        AccessibleText a = Books.alice();
        AccessibleText b = new AccessibleText(a.itemId(), a.title(), a.language(), a.creators(), a.publisher(), a.date(),
                a.rights(), a.pages(), a.pageLabels(), Instant.parse("2025-01-02T03:04:05.678Z"));
        EpubFile fa = new EpubFile(export.toBytes(a));
        EpubFile fb = new EpubFile(export.toBytes(b));
        assertThat(fb.names()).isEqualTo(fa.names());
        for (String name : fa.names()) {
            if (name.equals(EpubExport.PACKAGE)) {
                assertThat(fb.meta("dcterms:modified")).containsExactly("2025-01-02T03:04:05Z");
            } else {
                assertThat(fb.entries.get(name)).as(name).isEqualTo(fa.entries.get(name));
            }
        }
    }

    @Test
    void aLongBookIsWrittenAsItsPagesAreRead() throws IOException {
        int n = 500;
        CountingStream out = new CountingStream();
        List<Integer> requested = new ArrayList<>();
        List<Long> writtenWhenRequested = new ArrayList<>();
        List<PageText> pages = new AbstractList<>() {
            @Override
            public PageText get(int index) {
                requested.add(index);
                writtenWhenRequested.add(out.count);
                List<String> columns = new ArrayList<>();
                for (int c = 0; c < 20; c++) {
                    columns.add("　第" + (index + 1) + "頁の第" + (c + 1) + "行。吾輩は猫である。名前はまだ無い。");
                }
                return Books.vertical(index + 1, columns.toArray(String[]::new));
            }

            @Override
            public int size() {
                return n;
            }
        };
        AccessibleText t = AccessibleText.of("long", "長い本", "ja", List.of("夏目漱石"), pages, Books.MODIFIED);
        export.write(t, out);

        assertThat(requested).as("each page read once, in order").hasSize(n)
                .isEqualTo(java.util.stream.IntStream.range(0, n).boxed().toList());
        assertThat(writtenWhenRequested.get(n - 1)).as("bytes out before the last page was read")
                .isGreaterThan(out.count / 2);
        assertThat(out.closed).as("the caller's stream is left open").isFalse();

        byte[] epub = out.bytes.toByteArray();
        EpubFile f = new EpubFile(epub);
        assertThat(f.contentDocuments()).hasSize(10);
        assertThat(f.pageListLinks()).hasSize(n);
        assertThat(f.pageListLinks().get(n - 1).getAttribute("href")).isEqualTo("text-0010.xhtml#p500");
        assertValid(epub, "long");
    }

    @Test
    void pagesPerDocumentMustBePositive() {
        assertThatThrownBy(() -> new EpubExport(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(export.mediaType()).isEqualTo("application/epub+zip");
        assertThat(export.fileExtension()).isEqualTo("epub");
    }

    private static Element firstElementChild(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element el) {
                return el;
            }
        }
        return null;
    }

    /** A stream that counts what it was given and whether it was closed. */
    private static final class CountingStream extends OutputStream {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        long count;
        boolean closed;

        @Override
        public void write(int b) {
            bytes.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            count += len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
