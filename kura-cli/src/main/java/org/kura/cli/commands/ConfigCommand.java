package org.kura.cli.commands;

import java.util.Map;
import java.util.concurrent.Callable;
import org.kura.cli.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the effective configuration (defaults < kura.yaml < KURA_ environment < options).")
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--env", description = "List each key with the environment variable that overrides it.")
    boolean env;

    @Override
    public Integer call() {
        if (env) {
            for (Map.Entry<String, String> e : ConfigLoader.environmentVariables().entrySet()) {
                System.out.printf("%-32s %s%n", e.getKey(), e.getValue());
            }
            return 0;
        }
        System.out.print(ConfigLoader.toYaml(common.load()));
        return 0;
    }
}
