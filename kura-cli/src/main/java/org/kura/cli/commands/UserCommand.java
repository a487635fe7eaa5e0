package org.kura.cli.commands;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.kura.catalog.Passwords;
import org.kura.catalog.Reader;
import org.kura.cli.Wiring;
import org.kura.server.staff.FieldProblem;
import org.kura.server.staff.ReaderForm;
import org.kura.server.staff.Registrations;
import org.kura.server.staff.StaffLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kura user …}: registered individual readers, who sign in at /login. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Registered individual readers: they see LIBRARY items in the viewer after signing in at /login; "
                + "readers registered as print-disabled also get the items' text (plain text, EPUB).",
        subcommands = {UserCommand.Add.class, UserCommand.ListAll.class, UserCommand.Disable.class, UserCommand.Remove.class})
public final class UserCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Register (or replace) a reader. The password is read from standard input (first line), never from "
                    + "the command line; at least 10 characters.", "  echo 'long passphrase here' | kura user add hanako --country JP"})
    static final class Add implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "NAME", description = "Sign-in name: lower-case letters, digits, '.', '_', '-'.") String name;
        @Option(names = "--display-name") String displayName;
        @Option(names = "--country", description = "ISO 3166 alpha-2, e.g. JP.") String country;
        @Option(names = "--print-disabled", description = "Certified as print-disabled (Copyright Act art. 37): gets items' text.")
        boolean printDisabled;

        @Override
        public Integer call() throws Exception {
            String password;
            if (System.console() != null) {
                char[] typed = System.console().readPassword("password for %s: ", name);
                password = typed == null ? null : new String(typed);
            } else {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            Passwords.check(password);
            // the same checks as the staff pages (a name they cannot open is no use)
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            fields.put("name", name);
            fields.put("displayName", displayName);
            fields.put("country", country);
            fields.put("printDisabled", Boolean.toString(printDisabled));
            fields.put("password", password);
            ReaderForm form = ReaderForm.read(fields::get, true);
            if (!form.valid()) {
                throw new IllegalArgumentException(FieldProblem.inEnglish(form.problems()));
            }
            try (Wiring w = new Wiring(common.load())) {
                new Registrations(w.catalog(), null, null, new StaffLog()).addReader(form, "cli");
            }
            System.out.println("reader " + name + " saved" + (printDisabled ? " (print-disabled: gets items' text)" : ""));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List readers.")
    static final class ListAll implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                for (Reader r : w.catalog().readers()) {
                    System.out.printf("%-20s %-24s %-3s %-15s %s%n", r.name(), r.displayName() == null ? "" : r.displayName(),
                            r.country() == null ? "" : r.country(), r.printDisabled() ? "print-disabled" : "", r.disabled() ? "SUSPENDED" : "");
                }
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Suspend (or with --enable, restore) a reader's account.")
    static final class Disable implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "NAME") String name;
        @Option(names = "--enable") boolean enable;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                Reader r = w.catalog().reader(name).orElseThrow(() -> new IllegalArgumentException("no reader " + name));
                w.catalog().saveReader(new Reader(r.name(), r.displayName(), r.country(), r.printDisabled(), r.passwordHash(), !enable,
                        r.createdAt()));
            }
            System.out.println("reader " + name + (enable ? " restored" : " suspended (a running server notices within a minute)"));
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a reader.")
    static final class Remove implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                boolean removed = w.catalog().removeReader(name);
                System.out.println(removed ? "reader " + name + " removed" : "no reader " + name);
                return removed ? 0 : 1;
            }
        }
    }
}
