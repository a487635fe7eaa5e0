package org.kura.cli.commands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kura.cli.Wiring;
import org.kura.model.ReuseCondition;
import org.kura.server.datasets.Dataset;
import org.kura.server.datasets.DatasetExporter;
import org.kura.server.datasets.DumpFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the bulk datasets (gzipped, with counts, SHA-256 and licence in datasets.json) under "
            + "<data>/datasets, served at /datasets.",
            "Full dumps hold every live record; --since writes an incremental dump of what changed, deletions included."})
public final class ExportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--format", split = ",", defaultValue = "jsonl,tsv,nt",
            description = "Formats, comma-separated: jsonl, tsv, nt (default ${DEFAULT-VALUE}).")
    List<String> formats;
    @Option(names = "--since", paramLabel = "DATE", description = "Incremental: changes since this UTC date or instant "
            + "(2026-11-01 or 2026-11-01T00:00:00Z).")
    String since;
    @Option(names = "--licence", description = "Only providers whose metadata licence is this (e.g. CC0).")
    ReuseCondition licence;

    @Override
    public Integer call() throws Exception {
        Instant from = null;
        if (since != null) {
            try {
                from = since.length() == 10 ? LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--since must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
            }
        }
        try (Wiring w = new Wiring(common.load())) {
            DatasetExporter exporter = w.datasetExporter();
            List<DumpFormat> chosen = new ArrayList<>();
            for (String f : formats) {
                chosen.add(w.dumpFormats().stream().filter(d -> d.name().equals(f.strip())).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("unknown format " + f + "; formats: "
                                + w.dumpFormats().stream().map(DumpFormat::name).toList())));
            }
            for (DumpFormat f : chosen) {
                long start = System.nanoTime();
                Dataset d = exporter.export(f, from, licence, n -> {
                    double s = (System.nanoTime() - start) / 1e9;
                    System.err.printf("\r%s: %,d records, %,.0f records/s   ", f.name(), n, n / Math.max(s, 0.001));
                });
                double s = (System.nanoTime() - start) / 1e9;
                System.err.println();
                System.out.printf("%s  %,d records (%,d deleted)  %,d bytes  sha256 %s  licence %s  %.1f s (%,.0f records/s)%n",
                        d.file(), d.records(), d.deleted(), d.bytes(), d.sha256(), d.licence(), s, d.records() / Math.max(s, 0.001));
            }
        }
        return 0;
    }
}
