package org.kura.cli.commands;

import java.util.List;
import java.util.concurrent.Callable;
import org.kura.cli.Wiring;
import org.kura.ingest.pipeline.HarvestOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "harvest", mixinStandardHelpOptions = true,
        description = {"Harvest a provider over OAI-PMH: incrementally from the last harvest, resuming an interrupted one.",
            "Progress (records/s, ETA) on stderr; exit code 1 when the run failed."})
public final class HarvestCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "PROVIDER", description = "Provider id.") String provider;
    @Option(names = "--full", description = "Harvest everything again (ignore the last date and any checkpoint).") boolean full;
    @Option(names = "--set", paramLabel = "SPEC", description = "Only this set (repeatable; default: the provider's sets).") List<String> sets;
    @Option(names = "--json", description = "Print the run summary as one JSON object (harvested, stored, unchanged, deleted, quarantined).") boolean json;

    @Override
    public Integer call() throws Exception {
        try (Wiring w = new Wiring(common.load())) {
            RunOutput out = new RunOutput(json);
            return out.finish(w.harvestService().harvest(provider, new HarvestOptions(full, sets), out.listener()));
        }
    }
}
