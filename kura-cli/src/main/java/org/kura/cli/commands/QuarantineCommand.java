package org.kura.cli.commands;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kura.catalog.QuarantineEntry;
import org.kura.cli.Wiring;
import org.kura.ingest.pipeline.QuarantineRetry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = {"List records that could not be processed, with the reason and stage.",
            "--retry N / --retry-all run them through their crosswalk again from the kept bytes (after a fix):",
            "those that pass are stored and leave the quarantine, the others keep today's reason."})
public final class QuarantineCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "PROVIDER", description = "Provider id.") String provider;
    @Option(names = "--limit", defaultValue = "50") int limit;
    @Option(names = "--offset", defaultValue = "0") int offset;
    @Option(names = "--bytes", description = "Also print the first 300 bytes of each entry as received.") boolean bytes;
    @Option(names = "--retry", paramLabel = "N", description = "Retry the entry numbered N (repeatable).") java.util.List<Long> retry;
    @Option(names = "--retry-all", description = "Retry the provider's entries, oldest first (at most --limit).") boolean retryAll;

    @Override
    public Integer call() {
        try (Wiring w = new Wiring(common.load())) {
            if (retryAll || retry != null) {
                return retry(w);
            }
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

    private int retry(Wiring w) {
        QuarantineRetry retrier = new QuarantineRetry(w.catalog(), w.crosswalks());
        List<QuarantineRetry.Outcome> outcomes = new ArrayList<>();
        for (long id : retry == null ? List.<Long>of() : retry) {
            QuarantineEntry e = w.catalog().quarantineEntry(id).orElse(null);
            if (e == null || !e.providerId().equals(provider)) {
                System.err.println("#" + id + ": no such quarantined record of " + provider);
                return 2;
            }
        }
        if (retryAll) {
            outcomes.addAll(retrier.retryAll(provider, limit));
        }
        for (long id : retry == null ? List.<Long>of() : retry) {
            if (w.catalog().quarantineEntry(id).isPresent()) {
                outcomes.add(retrier.retry(id));
            }
        }
        long stored = outcomes.stream().filter(QuarantineRetry.Outcome::stored).count();
        for (QuarantineRetry.Outcome o : outcomes) {
            System.out.printf("#%d %s: %s%n", o.id(), o.identifier() == null ? "(no identifier)" : o.identifier(), o.message());
        }
        System.out.printf("%d retried: %d stored; %d quarantined record(s) left for %s%n", outcomes.size(), stored,
                w.catalog().countQuarantine(provider), provider);
        return 0;
    }
}
