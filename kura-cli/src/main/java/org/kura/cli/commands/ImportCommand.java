package org.kura.cli.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kura.cli.Wiring;
import org.kura.ingest.source.ColumnMapping;
import org.kura.ingest.source.RecordSource;
import org.kura.ingest.source.RecordSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a bulk file into a provider's records (.gz files are decompressed).",
            "Formats: oai_dc, dcndl, jpcoar (a saved OAI-PMH response or a plain file of records), marcxml, "
                    + "marc21 (ISO 2709), csv, tsv."})
public final class ImportCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "FILE") Path file;
    @Option(names = "--provider", required = true, description = "Provider id (register it first).") String provider;
    @Option(names = "--format", required = true, description = "oai_dc|dcndl|jpcoar|marcxml|marc21|csv|tsv") String format;
    @Option(names = "--mapping", paramLabel = "SPEC",
            description = "CSV/TSV columns: field=Column[|separator],… e.g. id=ID,title=タイトル,creator=著者|; "
                    + "(default: headers named like Kura fields)") String mapping;
    @Option(names = "--json", description = "Print the run summary as one JSON object.") boolean json;

    @Override
    public Integer call() throws Exception {
        ColumnMapping m = mapping == null ? null : ColumnMapping.parse(mapping);
        try (Wiring w = new Wiring(common.load())) {
            if (w.catalog().provider(provider).isEmpty()) {
                throw new IllegalArgumentException("no provider " + provider + " (kura provider add --id " + provider
                        + " --name …)");
            }
            String crosswalkFormat = format.equalsIgnoreCase("tsv") ? "csv" : format;
            RecordSource source = RecordSources.open(file, format, provider, m);
            RunOutput out = new RunOutput(json);
            return out.finish(w.importService().importFrom(provider, crosswalkFormat, source, file.getFileName().toString(),
                    out.listener()));
        }
    }
}
