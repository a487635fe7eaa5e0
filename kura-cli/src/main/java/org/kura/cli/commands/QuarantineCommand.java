package org.kura.cli.commands;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.kura.catalog.QuarantineEntry;
import org.kura.cli.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List records that could not be processed, with the reason and stage.")
public final class QuarantineCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "PROVIDER", description = "Provider id.") String provider;
    @Option(names = "--limit", defaultValue = "50") int limit;
    @Option(names = "--offset", defaultValue = "0") int offset;
    @Option(names = "--bytes", description = "Also print the first 300 bytes of each entry as received.") boolean bytes;

    @Override
    public Integer call() {
        try (Wiring w = new Wiring(common.load())) {
            System.out.println(w.catalog().countQuarantine(provider) + " quarantined record(s) for " + provider);
            for (QuarantineEntry q : w.catalog().quarantine(provider, offset, limit)) {
                System.out.printf("#%d run %s %-9s %s: %s%n", q.id(), q.runId(), q.stage(),
                        q.identifier() == null ? "(no identifier)" : q.identifier(), q.reason());
                if (bytes && q.bytes() != null) {
                    String s = new String(q.bytes(), 0, Math.min(300, q.bytes().length), StandardCharsets.UTF_8);
                    System.out.println("    " + s.replace("\n", "\n    "));
                }
            }
        }
        return 0;
    }
}
