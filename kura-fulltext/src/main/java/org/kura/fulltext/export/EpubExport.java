package org.kura.fulltext.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.kura.fulltext.PageText;

/**
 * The text as an EPUB 3.3 publication for reading systems and screen readers:
 * <ul>
 *   <li>the OCF ZIP container: {@code mimetype} first and stored, {@code META-INF/container.xml}, the
 *       rest deflated under {@code EPUB/}, every entry with the same fixed time so that the same input
 *       gives the same bytes;</li>
 *   <li>{@code EPUB/package.opf}: identifier {@code urn:kura:item:<id>}, title, language, creators,
 *       publisher, date (when it is a W3CDTF date), rights, {@code dcterms:modified} from
 *       {@link AccessibleText#modified()}, and the schema.org accessibility metadata (textual access
 *       mode, reading order, print page numbers, page navigation, table of contents, display
 *       transformability, no hazards, a summary; no WCAG conformance is claimed, since OCR text is not
 *       checked by a person);</li>
 *   <li>{@code EPUB/about.xhtml}: the item's description and rights statement, first in the spine;</li>
 *   <li>{@code EPUB/nav.xhtml}: the table of contents (one entry per content document, named by its
 *       first and last page), the page list (every page, pointing to its page-break marker) and
 *       landmarks;</li>
 *   <li>{@code EPUB/text-0001.xhtml}…: the pages, {@link #pagesPerDocument()} to a document, each
 *       page starting with {@code <span epub:type="pagebreak" role="doc-pagebreak" id="p12"
 *       aria-label="12"/>} (its printed label when it has one) so that screen readers announce print
 *       page numbers, its lines joined into paragraphs in reading order (see {@link Paragraphs});</li>
 *   <li>{@code EPUB/style.css}: {@code writing-mode: vertical-rl} when most pages with text are
 *       vertical, which also makes the spine's {@code page-progression-direction} {@code rtl} (as it
 *       is for a horizontal text in a right-to-left script); horizontal left-to-right otherwise.</li>
 * </ul>
 * All text is escaped, and characters XML 1.0 forbids are dropped. The pages are read once, in order,
 * and written as they are read: the metadata files that depend on all pages (navigation, style sheet,
 * package document) are written after them, from what was kept of each page (its name and id).
 */
public final class EpubExport implements TextExport {
    /** Pages per content document unless told otherwise. */
    public static final int DEFAULT_PAGES_PER_DOCUMENT = 50;

    static final String MIMETYPE = "application/epub+zip";
    static final String ROOT = "EPUB/";
    static final String PACKAGE = ROOT + "package.opf";
    /** The time every ZIP entry carries (local date-time fields, so no time zone changes the bytes). */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private static final Pattern W3CDTF = Pattern.compile(
            "\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?)?)?");
    private static final Set<String> RTL_LANGUAGES = Set.of("ar", "he", "iw", "fa", "ur", "yi", "ji", "ps", "dv",
            "sd", "ug", "ckb", "syr");
    private static final Set<String> RTL_SCRIPTS = Set.of("Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Mand", "Samr");
    private static final Set<String> OCR_SOURCES = Set.of("alto", "hocr", "ndlocr", "tesseract", "ocr");
    private static final String XHTML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\"";

    private final int pagesPerDocument;

    /** An export with {@value #DEFAULT_PAGES_PER_DOCUMENT} pages to a content document. */
    public EpubExport() {
        this(DEFAULT_PAGES_PER_DOCUMENT);
    }

    /** @param pagesPerDocument pages to a content document (1: a document per page) */
    public EpubExport(int pagesPerDocument) {
        if (pagesPerDocument < 1) {
            throw new IllegalArgumentException("pagesPerDocument must be at least 1: " + pagesPerDocument);
        }
        this.pagesPerDocument = pagesPerDocument;
    }

    /** How many pages go into one content document. */
    public int pagesPerDocument() {
        return pagesPerDocument;
    }

    @Override
    public String mediaType() {
        return MIMETYPE;
    }

    @Override
    public String fileExtension() {
        return "epub";
    }

    @Override
    public void write(AccessibleText text, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
        writeMimetype(zip);
        Entries e = new Entries(zip);
        e.begin("META-INF/container.xml");
        e.w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">\n"
                + "  <rootfiles>\n"
                + "    <rootfile full-path=\"" + PACKAGE + "\" media-type=\"application/oebps-package+xml\"/>\n"
                + "  </rootfiles>\n"
                + "</container>\n");
        e.end();

        Wording words = Wording.forLanguage(text.language());
        boolean rtlScript = rtlScript(text.language());
        Pages pages = writePages(text, e, rtlScript);
        boolean vertical = pages.vertical();
        boolean rtl = vertical || rtlScript;

        e.begin(ROOT + "about.xhtml");
        writeAbout(e.w, text, words, pages.ocr(), rtlScript);
        e.end();
        e.begin(ROOT + "nav.xhtml");
        writeNav(e.w, text, words, pages, rtlScript);
        e.end();
        e.begin(ROOT + "style.css");
        e.w.write(css(vertical));
        e.end();
        e.begin(PACKAGE);
        writePackage(e.w, text, words, pages, rtl);
        e.end();
        zip.finish();
        out.flush();
    }

    /** {@code mimetype}: first, stored, no extra field (OCF). */
    private static void writeMimetype(ZipOutputStream zip) throws IOException {
        byte[] bytes = MIMETYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** What is kept of the pages once written: enough for the navigation and the package document. */
    private record Pages(List<Doc> docs, List<PageRef> refs, int withText, int verticalWithText, boolean ocr) {
        boolean vertical() {
            return verticalWithText * 2 > withText;
        }
    }

    private record Doc(String file, String id, String first, String last) {
    }

    private record PageRef(String file, String id, String name) {
    }

    private Pages writePages(AccessibleText text, Entries e, boolean rtlScript) throws IOException {
        List<PageText> pages = text.pages();
        int n = pages.size();
        List<Doc> docs = new ArrayList<>();
        List<PageRef> refs = new ArrayList<>(n);
        Set<String> ids = new HashSet<>();
        int withText = 0;
        int vertical = 0;
        boolean ocr = false;
        int docCount = (n + pagesPerDocument - 1) / pagesPerDocument;
        for (int d = 0; d < docCount; d++) {
            String file = String.format(Locale.ROOT, "text-%04d.xhtml", d + 1);
            e.begin(ROOT + file);
            Writer w = e.w;
            w.write(XHTML_HEAD);
            lang(w, text.language(), rtlScript);
            w.write(">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
            w.write(Xml.escape(text.title()));
            if (docCount > 1) {
                w.write(" (" + (d + 1) + "/" + docCount + ")");
            }
            w.write("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n");
            w.write("<body epub:type=\"bodymatter\">\n");
            String first = null;
            String last = null;
            for (int i = d * pagesPerDocument; i < Math.min(n, (d + 1) * pagesPerDocument); i++) {
                PageText page = pages.get(i);
                String name = Xml.clean(text.pageName(i, page)).strip();
                if (name.isEmpty()) {
                    name = Integer.toString(page.page());
                }
                String id = uniqueId("p" + page.page(), ids);
                refs.add(new PageRef(file, id, name));
                if (first == null) {
                    first = name;
                }
                last = name;
                if (!page.isEmpty()) {
                    withText++;
                    if (page.vertical()) {
                        vertical++;
                    }
                }
                ocr |= page.source() != null && OCR_SOURCES.contains(page.source().toLowerCase(Locale.ROOT));
                w.write("<div class=\"page\">\n<span epub:type=\"pagebreak\" role=\"doc-pagebreak\" id=\"");
                w.write(id);
                w.write("\" aria-label=\"");
                w.write(Xml.escape(name));
                w.write("\"/>\n");
                for (String para : Paragraphs.of(page)) {
                    w.write("<p>");
                    w.write(Xml.escape(para));
                    w.write("</p>\n");
                }
                w.write("</div>\n");
            }
            w.write("</body>\n</html>\n");
            e.end();
            docs.add(new Doc(file, String.format(Locale.ROOT, "t%04d", d + 1), first, last));
        }
        return new Pages(docs, refs, withText, vertical, ocr);
    }

    private static String uniqueId(String base, Set<String> used) {
        String id = base;
        for (int k = 2; !used.add(id); k++) {
            id = base + "-" + k;
        }
        return id;
    }

    private static void lang(Writer w, String language, boolean rtlScript) throws IOException {
        w.write(" xml:lang=\"" + Xml.escape(language) + "\" lang=\"" + Xml.escape(language) + "\"");
        if (rtlScript) {
            w.write(" dir=\"rtl\"");
        }
    }

    private static void writeAbout(Writer w, AccessibleText text, Wording words, boolean ocr, boolean rtlScript)
            throws IOException {
        w.write(XHTML_HEAD);
        lang(w, text.language(), rtlScript);
        w.write(">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
        w.write(Xml.escape(words.about()));
        w.write("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n");
        w.write("<body epub:type=\"frontmatter\">\n<section id=\"about\" aria-labelledby=\"about-title\">\n<h1 id=\"about-title\">");
        w.write(Xml.escape(text.title()));
        w.write("</h1>\n<dl>\n");
        if (!text.creators().isEmpty()) {
            field(w, words.creators(), String.join(words.listSeparator(), text.creators()));
        }
        field(w, words.publisher(), text.publisher());
        field(w, words.date(), text.date());
        field(w, words.identifier(), text.urn());
        field(w, words.rights(), text.rights());
        field(w, words.language(), text.language());
        w.write("</dl>\n");
        if (ocr) {
            w.write("<p>" + Xml.escape(words.ocrNote()) + "</p>\n");
        }
        w.write("</section>\n</body>\n</html>\n");
    }

    private static void field(Writer w, String name, String value) throws IOException {
        if (value != null) {
            w.write("<dt>" + Xml.escape(name) + "</dt>\n<dd>" + Xml.escape(value) + "</dd>\n");
        }
    }

    private static void writeNav(Writer w, AccessibleText text, Wording words, Pages pages, boolean rtlScript)
            throws IOException {
        w.write(XHTML_HEAD);
        lang(w, text.language(), rtlScript);
        w.write(">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>");
        w.write(Xml.escape(words.contents()));
        w.write("</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n");
        w.write("<nav epub:type=\"toc\" id=\"toc\" role=\"doc-toc\" aria-labelledby=\"toc-title\">\n<h1 id=\"toc-title\">");
        w.write(Xml.escape(words.contents()));
        w.write("</h1>\n<ol>\n<li><a href=\"about.xhtml\">" + Xml.escape(words.about()) + "</a></li>\n");
        for (Doc d : pages.docs()) {
            String name = d.first().equals(d.last()) ? d.first() : d.first() + " – " + d.last();
            w.write("<li><a href=\"" + d.file() + "\">" + Xml.escape(name) + "</a></li>\n");
        }
        w.write("</ol>\n</nav>\n");
        if (!pages.refs().isEmpty()) {
            w.write("<nav epub:type=\"page-list\" id=\"page-list\" role=\"doc-pagelist\" aria-labelledby=\"page-list-title\" hidden=\"hidden\">\n<h2 id=\"page-list-title\">");
            w.write(Xml.escape(words.pages()));
            w.write("</h2>\n<ol>\n");
            for (PageRef p : pages.refs()) {
                w.write("<li><a href=\"" + p.file() + "#" + p.id() + "\">" + Xml.escape(p.name()) + "</a></li>\n");
            }
            w.write("</ol>\n</nav>\n");
        }
        w.write("<nav epub:type=\"landmarks\" id=\"landmarks\" aria-labelledby=\"landmarks-title\" hidden=\"hidden\">\n<h2 id=\"landmarks-title\">");
        w.write(Xml.escape(words.landmarks()));
        w.write("</h2>\n<ol>\n<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">" + Xml.escape(words.contents()) + "</a></li>\n");
        if (!pages.docs().isEmpty()) {
            w.write("<li><a epub:type=\"bodymatter\" href=\"" + pages.docs().get(0).file() + "\">"
                    + Xml.escape(text.title()) + "</a></li>\n");
        }
        w.write("</ol>\n</nav>\n</body>\n</html>\n");
    }

    static String css(boolean vertical) {
        StringBuilder sb = new StringBuilder("@charset \"UTF-8\";\n");
        if (vertical) {
            sb.append("html {\n  -epub-writing-mode: vertical-rl;\n  -webkit-writing-mode: vertical-rl;\n"
                    + "  writing-mode: vertical-rl;\n}\n");
            sb.append("body {\n  line-height: 1.75;\n}\n");
            sb.append("p {\n  margin: 0 0 0 0.5em;\n}\n");
        } else {
            sb.append("body {\n  line-height: 1.5;\n}\n");
            sb.append("p {\n  margin: 0 0 0.5em 0;\n}\n");
        }
        sb.append("dt {\n  font-weight: bold;\n}\n");
        return sb.toString();
    }

    private static void writePackage(Writer w, AccessibleText text, Wording words, Pages pages, boolean rtl)
            throws IOException {
        String lang = Xml.escape(text.language());
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"uid\" xml:lang=\""
                + lang + "\">\n");
        w.write("  <metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n");
        w.write("    <dc:identifier id=\"uid\">" + Xml.escape(text.urn()) + "</dc:identifier>\n");
        w.write("    <dc:title id=\"title\">" + Xml.escape(text.title()) + "</dc:title>\n");
        w.write("    <dc:language>" + lang + "</dc:language>\n");
        int c = 0;
        for (String creator : text.creators()) {
            w.write("    <dc:creator id=\"creator" + (++c) + "\">" + Xml.escape(creator) + "</dc:creator>\n");
        }
        if (text.publisher() != null) {
            w.write("    <dc:publisher>" + Xml.escape(text.publisher()) + "</dc:publisher>\n");
        }
        if (text.date() != null && W3CDTF.matcher(text.date()).matches()) {
            w.write("    <dc:date>" + text.date() + "</dc:date>\n");
        }
        if (text.rights() != null) {
            w.write("    <dc:rights>" + Xml.escape(text.rights()) + "</dc:rights>\n");
        }
        w.write("    <meta property=\"dcterms:modified\">"
                + DateTimeFormatter.ISO_INSTANT.format(text.modified().truncatedTo(ChronoUnit.SECONDS)) + "</meta>\n");
        meta(w, "schema:accessMode", "textual");
        meta(w, "schema:accessModeSufficient", "textual");
        List<String> features = new ArrayList<>(List.of("readingOrder", "tableOfContents"));
        if (!pages.refs().isEmpty()) {
            features.add("printPageNumbers");
            features.add("pageNavigation");
        }
        features.add("displayTransformability");
        for (String f : features) {
            meta(w, "schema:accessibilityFeature", f);
        }
        meta(w, "schema:accessibilityHazard", "none");
        meta(w, "schema:accessibilitySummary", pages.ocr() ? words.summary() + " " + words.ocrNote() : words.summary());
        w.write("  </metadata>\n  <manifest>\n");
        w.write("    <item id=\"about\" href=\"about.xhtml\" media-type=\"application/xhtml+xml\"/>\n");
        w.write("    <item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
        w.write("    <item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n");
        for (Doc d : pages.docs()) {
            w.write("    <item id=\"" + d.id() + "\" href=\"" + d.file() + "\" media-type=\"application/xhtml+xml\"/>\n");
        }
        w.write("  </manifest>\n");
        w.write("  <spine page-progression-direction=\"" + (rtl ? "rtl" : "ltr") + "\">\n");
        w.write("    <itemref idref=\"about\"/>\n    <itemref idref=\"nav\"/>\n");
        for (Doc d : pages.docs()) {
            w.write("    <itemref idref=\"" + d.id() + "\"/>\n");
        }
        w.write("  </spine>\n</package>\n");
    }

    private static void meta(Writer w, String property, String value) throws IOException {
        w.write("    <meta property=\"" + property + "\">" + Xml.escape(value) + "</meta>\n");
    }

    /** True for a language written right to left (Arabic, Hebrew, Persian…) unless its tag names another script. */
    static boolean rtlScript(String languageTag) {
        Locale l = Locale.forLanguageTag(languageTag);
        if (!l.getScript().isEmpty()) {
            return RTL_SCRIPTS.contains(l.getScript());
        }
        return RTL_LANGUAGES.contains(l.getLanguage());
    }

    /** The ZIP entries, each written through one UTF-8 writer that is flushed at the entry's end. */
    private static final class Entries {
        final ZipOutputStream zip;
        final Writer w;

        Entries(ZipOutputStream zip) {
            this.zip = zip;
            this.w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 14);
        }

        void begin(String name) throws IOException {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(entry);
        }

        void end() throws IOException {
            w.flush();
            zip.closeEntry();
        }
    }
}
