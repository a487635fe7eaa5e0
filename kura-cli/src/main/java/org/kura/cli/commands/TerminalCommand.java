package org.kura.cli.commands;

import java.util.List;
import java.util.concurrent.Callable;
import org.kura.catalog.Terminal;
import org.kura.cli.Wiring;
import org.kura.server.staff.FieldProblem;
import org.kura.server.staff.Registrations;
import org.kura.server.staff.StaffLog;
import org.kura.server.staff.TerminalForm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "terminal", mixinStandardHelpOptions = true,
        description = "On-site terminals (reading-room PCs) that may show ONSITE-tier items, recognised by address ranges.",
        subcommands = {TerminalCommand.Add.class, TerminalCommand.ListAll.class, TerminalCommand.Remove.class})
public final class TerminalCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register (or replace) a terminal.")
    static final class Add implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--id", required = true) String id;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--isil", description = "The institution it stands in.") String isil;
        @Option(names = "--ip", required = true, paramLabel = "CIDR", description = "Address range (repeatable).") List<String> ranges;

        @Override
        public Integer call() {
            // the same checks as the staff pages
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            fields.put("id", id);
            fields.put("name", name);
            fields.put("isil", isil);
            fields.put("ipRanges", String.join("\n", ranges));
            TerminalForm form = TerminalForm.read(fields::get, null);
            if (!form.valid()) {
                throw new IllegalArgumentException(FieldProblem.inEnglish(form.problems()));
            }
            try (Wiring w = new Wiring(common.load())) {
                new Registrations(w.catalog(), null, null, new StaffLog()).saveTerminal(form, "cli");
            }
            System.out.println("terminal " + id + " saved with ranges " + String.join(" ", ranges));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List terminals.")
    static final class ListAll implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                for (Terminal t : w.catalog().terminals()) {
                    System.out.printf("%-16s %-30s %-16s %s%n", t.id(), t.name(), t.isil() == null ? "" : t.isil(),
                            String.join(" ", t.ipRanges()));
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a terminal.")
    static final class Remove implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                if (!w.catalog().removeTerminal(id)) {
                    System.err.println("no terminal " + id);
                    return 1;
                }
            }
            System.out.println("terminal " + id + " removed");
            return 0;
        }
    }
}
