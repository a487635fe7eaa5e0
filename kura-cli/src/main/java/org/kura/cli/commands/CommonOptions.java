package org.kura.cli.commands;

import java.nio.file.Path;
import org.kura.cli.config.ConfigLoader;
import org.kura.cli.config.KuraConfig;
import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default ./kura-data, env KURA_DATA_DIR).")
    String data;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file (default ./kura.yaml when present).")
    Path config;

    public KuraConfig load() {
        return new ConfigLoader(System.getenv()).load(config, data);
    }
}
