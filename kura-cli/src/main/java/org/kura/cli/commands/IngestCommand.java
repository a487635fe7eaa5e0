package org.kura.cli.commands;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kura.catalog.ItemEntry;
import org.kura.cli.Wiring;
import org.kura.model.AccessTier;
import org.kura.repository.Item;
import org.kura.repository.ItemIngester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Store a digitized item (a folder or a BagIt bag of page images, optionally a PDF, metadata and "
            + "pages.txt with 'file<TAB>label' lines) as an OCFL object under <data>/ocfl.",
            "Bags are verified (manifests, checksums); nothing is stored unless the whole item is sound."})
public final class IngestCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "PATH", description = "Folder or bag.") Path path;
    @Option(names = "--record", paramLabel = "PROVIDER:ID", description = "The catalog record it digitizes.") String record;
    @Option(names = "--tier", required = true, description = "Who may see it: ${COMPLETION-CANDIDATES}.") AccessTier tier;
    @Option(names = "--id", description = "Item id (default: a new one; an existing id gets a new version).") String id;
    @Option(names = "--title", description = "Title for viewers (default: the record's title).") String title;
    @Option(names = "--json", description = "Print {\"id\", \"manifest\", …} as JSON.") boolean json;

    @Override
    public Integer call() throws Exception {
        String provider = null;
        String identifier = null;
        if (record != null) {
            int colon = record.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("--record is PROVIDER:IDENTIFIER, e.g. ndl:R100000002-I000000001");
            }
            provider = record.substring(0, colon);
            identifier = record.substring(colon + 1);
        }
        try (Wiring w = new Wiring(common.load())) {
            String effectiveTitle = title;
            if (provider != null) {
                var stored = w.catalog().record(provider, identifier).orElseThrow(() ->
                        new IllegalArgumentException("no record " + record + " in the catalog"));
                if (effectiveTitle == null && stored.normalized() != null) {
                    effectiveTitle = stored.normalized().mainTitle();
                }
            }
            Item item = w.itemIngester().ingest(new ItemIngester.Request(path, record, tier, id, effectiveTitle,
                    System.getProperty("user.name")));
            w.catalog().saveItem(new ItemEntry(item.id(), provider, identifier, item.tier(), item.title(), item.pages().size(),
                    Instant.now()));
            String manifest = w.config().server().baseUrl() + "/iiif/3/" + item.id() + "/manifest";
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("id", item.id());
                out.put("manifest", manifest);
                out.put("tier", item.tier());
                out.put("pages", item.pages().size());
                out.put("record", record);
                System.out.println(org.kura.catalog.RecordJson.mapper().writeValueAsString(out));
            } else {
                System.out.printf("item %s: %d pages, tier %s%nmanifest: %s%n", item.id(), item.pages().size(), item.tier(),
                        manifest);
            }
        }
        return 0;
    }
}
