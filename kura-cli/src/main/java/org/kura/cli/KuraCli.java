package org.kura.cli;

import org.kura.cli.commands.ApiKeyCommand;
import org.kura.cli.commands.BenchCommand;
import org.kura.cli.commands.TextCommand;
import org.kura.cli.commands.OcrCommand;
import org.kura.cli.commands.UserCommand;
import org.kura.cli.commands.ExportCommand;
import org.kura.cli.commands.IngestCommand;
import org.kura.cli.commands.InstitutionCommand;
import org.kura.cli.commands.TerminalCommand;
import org.kura.cli.commands.ConfigCommand;
import org.kura.cli.commands.DemoCommand;
import org.kura.cli.commands.DoiCommand;
import org.kura.cli.commands.HarvestCommand;
import org.kura.cli.commands.ImportCommand;
import org.kura.cli.commands.IndexCommand;
import org.kura.cli.commands.SearchCommand;
import org.kura.cli.commands.InspectCommand;
import org.kura.cli.commands.ProviderCommand;
import org.kura.cli.commands.QuarantineCommand;
import org.kura.cli.commands.RecordCommand;
import org.kura.cli.commands.RecrosswalkCommand;
import org.kura.cli.commands.RunsCommand;
import org.kura.cli.commands.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kura} command. */
@Command(name = "kura", mixinStandardHelpOptions = true, version = "Kura 0.1.0-SNAPSHOT",
        description = "Kura: harvest, preserve, search and open up a nation's knowledge.",
        subcommands = {
            DemoCommand.class, ServeCommand.class, ConfigCommand.class, ProviderCommand.class, ApiKeyCommand.class, ExportCommand.class, IngestCommand.class, InstitutionCommand.class, TerminalCommand.class, InspectCommand.class,
            HarvestCommand.class, ImportCommand.class, RecrosswalkCommand.class, IndexCommand.class, SearchCommand.class, RunsCommand.class,
            QuarantineCommand.class, RecordCommand.class, BenchCommand.class, TextCommand.class, OcrCommand.class, UserCommand.class, DoiCommand.class,
            CommandLine.HelpCommand.class
        })
public final class KuraCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests too). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new KuraCli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("kura: " + describe(e));
            if (System.getenv("KURA_DEBUG") != null) {
                e.printStackTrace(cmd.getErr());
            }
            return e instanceof IllegalArgumentException || e instanceof org.kura.cli.config.ConfigException ? 2 : 1;
        });
        return cl.execute(args);
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !sb.toString().contains(c.getMessage())) {
                sb.append(": ").append(c.getMessage());
            }
        }
        return sb.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
