package org.kura.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kura.bench.IngestBench;
import org.kura.cli.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "End-to-end benchmarks; results as Markdown rows.",
        subcommands = {BenchCommand.Ingest.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Serve a generated corpus from a local OAI-PMH server and harvest it end to end into a fresh "
                    + "embedded catalog; also time parsing alone in the same run.",
                "For the constant-memory check: KURA_JAVA_OPTS=-Xmx512m ./kura bench ingest --records 1000000"})
    static final class Ingest implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--records", defaultValue = "100000", description = "Records (default ${DEFAULT-VALUE}).") int records;
        @Option(names = "--format", split = ",", defaultValue = "oai_dc,dcndl", description = "oai_dc, dcndl or both.")
        List<String> formats;
        @Option(names = "--page-size", defaultValue = "500") int pageSize;

        @Override
        public Integer call() throws Exception {
            Path work;
            try (Wiring w = new Wiring(common.load())) {
                work = w.dataDir().resolve("bench");
            }
            List<IngestBench.Result> results = new IngestBench(System.err)
                    .run(new IngestBench.Options(records, formats, pageSize, work));
            System.out.println(IngestBench.HEADER);
            results.forEach(r -> System.out.println(r.markdownRow()));
            return 0;
        }
    }
}
