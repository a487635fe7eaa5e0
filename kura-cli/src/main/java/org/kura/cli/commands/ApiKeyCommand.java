package org.kura.cli.commands;

import java.util.concurrent.Callable;
import org.kura.catalog.ApiKey;
import org.kura.cli.Wiring;
import org.kura.server.ApiKeyRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apikey", mixinStandardHelpOptions = true,
        description = "Manage API keys, which raise a client's request limit on the public APIs.",
        subcommands = {ApiKeyCommand.Add.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Remove.class})
public final class ApiKeyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Create a key and print it (it is shown only once).")
    static final class Add implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--name", required = true, description = "Who the key is for (unique).") String name;
        @Option(names = "--per-minute", defaultValue = "6000", description = "Requests per minute (default ${DEFAULT-VALUE}).")
        int perMinute;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                System.out.println(ApiKeyRoutes.create(w.catalog(), name, perMinute));
            }
            System.err.println("API key for " + name + " (" + perMinute + " requests/min); send it as X-API-Key. "
                    + "It is not stored and cannot be shown again.");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys (names and limits, never the keys).")
    static final class ListKeys implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                for (ApiKey k : w.catalog().apiKeys()) {
                    System.out.printf("%-30s %8d/min  created %s%n", k.name(), k.perMinute(), k.createdAt());
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Revoke a key.")
    static final class Remove implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                if (!w.catalog().removeApiKey(name)) {
                    System.err.println("no API key named " + name);
                    return 1;
                }
            }
            System.out.println("API key " + name + " revoked");
            return 0;
        }
    }
}
