package org.kura.cli.commands;

import java.util.concurrent.Callable;
import org.kura.catalog.HarvestRun;
import org.kura.cli.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "List harvest, import and re-crosswalk runs, newest first.")
public final class RunsCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--provider", description = "Only this provider.") String provider;
    @Option(names = "--limit", defaultValue = "20", description = "How many (default ${DEFAULT-VALUE}).") int limit;
    @Option(names = "--json", description = "One JSON object per line.") boolean json;

    @Override
    public Integer call() throws Exception {
        try (Wiring w = new Wiring(common.load())) {
            if (!json) {
                System.out.printf("%6s %-14s %-11s %-11s %9s %8s %9s %8s %6s  %s%n", "RUN", "PROVIDER", "KIND", "STATE",
                        "HARVESTED", "STORED", "UNCHANGED", "DELETED", "QUAR", "STARTED");
            }
            for (HarvestRun r : w.catalog().runs(provider, limit)) {
                if (json) {
                    System.out.println(Json.line(r));
                } else {
                    System.out.printf("%6d %-14s %-11s %-11s %9d %8d %9d %8d %6d  %s%s%n", r.id(), r.providerId(), r.kind(),
                            r.state(), r.harvested(), r.stored(), r.unchanged(), r.deleted(), r.quarantined(), r.startedAt(),
                            r.error() == null ? "" : "  error: " + r.error());
                }
            }
        }
        return 0;
    }
}
