package org.kura.cli.commands;

import java.util.concurrent.Callable;
import org.kura.cli.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "recrosswalk", mixinStandardHelpOptions = true,
        description = "Rebuild a provider's normalized records from its stored raw records, without the network "
                + "(after a crosswalk changed). Only records whose result changed get a new version.")
public final class RecrosswalkCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--provider", required = true) String provider;
    @Option(names = "--json", description = "Print the run summary as one JSON object.") boolean json;

    @Override
    public Integer call() throws Exception {
        try (Wiring w = new Wiring(common.load())) {
            RunOutput out = new RunOutput(json);
            return out.finish(w.importService().recrosswalk(provider, out.listener()));
        }
    }
}
