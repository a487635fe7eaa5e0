package org.kura.cli.commands;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.kura.catalog.RecordJson;
import org.kura.cli.Wiring;
import org.kura.fulltext.FullTextSearch;
import org.kura.fulltext.PageTextIndex;
import org.kura.fulltext.TextIngester;
import org.kura.fulltext.TextReport;
import org.kura.model.AccessTier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kura text …}: the text of digitized items (add, report, reindex, search, export). */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = "The text of digitized items: add OCR text or plain text, see what was quarantined, search, export.",
        subcommands = {TextCommand.Add.class, TextCommand.Report.class, TextCommand.Reindex.class, TextCommand.Search.class,
            TextCommand.Export.class})
public final class TextCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("kura text add|report|reindex|search|export — see kura text --help");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Add text to a stored item from a folder of per-page files: ALTO (v2–v4), hOCR, NDLOCR XML or plain "
                + "text (UTF-8, Shift_JIS, EUC-JP). The last number in a file name is its page (0001.xml, page-12.txt).",
                "Files that cannot be read are quarantined in the item's object with the reason; the others are stored and indexed."})
    static final class Add implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(index = "0", paramLabel = "ITEM") String item;
        @Parameters(index = "1", paramLabel = "FOLDER") Path folder;
        @Option(names = "--json", description = "Print the outcome as JSON.") boolean json;

        @Override
        public Integer call() throws Exception {
            try (Wiring w = new Wiring(common.load())) {
                TextIngester.Result r = w.textIngester().ingest(item, folder, System.getProperty("user.name"));
                int indexed = w.indexTextOrSay(item);
                if (json) {
                    System.out.println(RecordJson.mapper().writeValueAsString(java.util.Map.of("item", item, "version", r.version(),
                            "pages", r.pages(), "indexed", indexed, "quarantined", r.problems())));
                } else {
                    System.out.printf("item %s: text of %d page(s) stored (version v%d), %d indexed%n", item, r.pages().size(),
                            r.version(), indexed);
                    for (TextReport.PageStatus p : r.problems()) {
                        System.out.printf("  quarantined %s%s: %s%n", p.file(), p.page() > 0 ? " (page " + p.page() + ")" : "",
                                p.reason());
                    }
                }
                return r.problems().isEmpty() ? 0 : 3;
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Where each page's text came from and what was quarantined.")
    static final class Report implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "ITEM") String item;

        @Override
        public Integer call() throws Exception {
            try (Wiring w = new Wiring(common.load())) {
                TextReport r = w.textStore().report(item).orElse(null);
                if (r == null) {
                    System.out.println("item " + item + " has no text");
                    return 1;
                }
                System.out.printf("item %s: %d of %d pages have text%n", item, r.pagesWithText(), r.pages());
                for (TextReport.PageStatus p : r.status()) {
                    System.out.printf("  %4s  %-11s %-7s %-10s %s%s%n", p.page() == 0 ? "-" : Integer.toString(p.page()), p.state(),
                            p.format() == null ? "" : p.format(), p.charset() == null ? "" : p.charset(), p.file(),
                            p.reason() == null ? "" : "  — " + p.reason());
                }
                return 0;
            }
        }
    }

    @Command(name = "reindex", mixinStandardHelpOptions = true, description = "Rebuild the page-text index from the stored text (all items, or one).")
    static final class Reindex implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "ITEM", arity = "0..1") String item;

        @Override
        public Integer call() throws Exception {
            try (Wiring w = new Wiring(common.load())) {
                List<String> ids = item != null ? List.of(item) : w.allItemIds();
                long start = System.nanoTime();
                int pages = 0;
                int done = 0;
                for (String id : ids) {
                    if (!w.textStore().pageNumbers(id).isEmpty()) {
                        pages += w.indexTextWithoutCommit(id);
                    }
                    done++;
                    double s = (System.nanoTime() - start) / 1e9;
                    System.err.printf("\r  %d/%d items, %d pages, %.0f pages/s", done, ids.size(), pages, pages / Math.max(s, 1e-3));
                }
                w.textIndex().commit();
                System.err.println();
                System.out.printf("indexed %d page(s) of %d item(s)%n", pages, ids.size());
                return 0;
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Full-text search across items, as staff (every tier, whole passages).")
    static final class Search implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "QUERY") String query;
        @Option(names = "--size", defaultValue = "10") int size;

        @Override
        public Integer call() throws Exception {
            try (Wiring w = new Wiring(common.load())) {
                FullTextSearch search = new FullTextSearch(w.textIndex(), w.snippetGuard());
                FullTextSearch.Result r = search.search(query, null, null, 1, size, "cli", new FullTextSearch.Entitlement() {
                    @Override
                    public Set<AccessTier> locatable() {
                        return EnumSet.allOf(AccessTier.class);
                    }

                    @Override
                    public FullTextSearch.Access of(String itemId) {
                        return FullTextSearch.Access.FULL;
                    }
                });
                System.out.printf("%d item(s), %d page(s) match%n", r.items(), r.pages());
                for (FullTextSearch.ItemResult i : r.results()) {
                    System.out.printf("%n%s  %s  (%d page(s))%n", i.itemId(), i.title() == null ? "" : i.title(), i.pagesMatched());
                    for (FullTextSearch.Passage p : i.passages()) {
                        System.out.printf("  p.%-4d %s%n", p.page(), p.text().replace('\n', ' ')
                                .replace(PageTextIndex.HIT_START, '[').replace(PageTextIndex.HIT_END, ']'));
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write an item's text as plain text or EPUB 3.")
    static final class Export implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "ITEM") String item;
        @Option(names = "--format", defaultValue = "txt", description = "txt or epub") String format;
        @Option(names = {"-o", "--output"}, required = true) Path output;

        @Override
        public Integer call() throws Exception {
            try (Wiring w = new Wiring(common.load()); OutputStream out = Files.newOutputStream(output)) {
                switch (format) {
                    case "txt" -> w.textExports().plain(item, out);
                    case "epub" -> w.textExports().epub(item, out);
                    default -> throw new IllegalArgumentException("--format is txt or epub");
                }
            }
            System.out.println("wrote " + output);
            return 0;
        }
    }
}
