package org.kura.cli.commands;

import java.util.List;
import java.util.concurrent.Callable;
import org.kura.catalog.Institution;
import org.kura.cli.Wiring;
import org.kura.server.staff.FieldProblem;
import org.kura.server.staff.InstitutionForm;
import org.kura.server.staff.Registrations;
import org.kura.server.staff.StaffLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "institution", mixinStandardHelpOptions = true,
        description = "Registered institutions, whose users see LIBRARY-tier items (recognised by address ranges or a key).",
        subcommands = {InstitutionCommand.Add.class, InstitutionCommand.ListAll.class, InstitutionCommand.Remove.class})
public final class InstitutionCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register (or replace) an institution.")
    static final class Add implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--isil", required = true, description = "ISIL, e.g. JP-1000001.") String isil;
        @Option(names = "--name", required = true) String name;
        @Option(names = "--country", description = "ISO 3166 code, e.g. JP.") String country;
        @Option(names = "--ip", paramLabel = "CIDR", description = "Address range (repeatable), e.g. 192.0.2.0/24.") List<String> ranges;
        @Option(names = "--key", description = "Also issue an access key (printed once), for clients outside its ranges.") boolean key;

        @Override
        public Integer call() {
            // the same checks and the same key as the staff pages (an institution staff cannot open is no use)
            java.util.Map<String, String> fields = new java.util.HashMap<>();
            fields.put("isil", isil);
            fields.put("name", name);
            fields.put("country", country);
            fields.put("ipRanges", ranges == null ? "" : String.join("\n", ranges));
            fields.put("issueKey", Boolean.toString(key));
            InstitutionForm form = InstitutionForm.read(fields::get, null);
            if (!form.valid()) {
                throw new IllegalArgumentException(FieldProblem.inEnglish(form.problems()));
            }
            java.util.Optional<String> secret;
            try (Wiring w = new Wiring(common.load())) {
                Registrations registry = new Registrations(w.catalog(), null, null, new StaffLog());
                if (registry.institution(isil).isPresent()) {
                    registry.updateInstitution(isil, form, "cli");
                    secret = key ? registry.rotateKey(isil, "cli") : java.util.Optional.empty();
                } else {
                    secret = registry.addInstitution(form, "cli");
                }
            }
            System.out.println("institution " + isil + " saved" + (form.ranges().isEmpty() ? "" : " with ranges "
                    + String.join(" ", form.ranges())));
            secret.ifPresent(k -> {
                System.out.println(k);
                System.err.println("the institution's key (send as X-Institution-Key); it is not stored and cannot be shown again");
            });
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List institutions.")
    static final class ListAll implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                for (Institution i : w.catalog().institutions()) {
                    System.out.printf("%-16s %-30s %-3s %s%s%n", i.isil(), i.name(), i.country() == null ? "" : i.country(),
                            String.join(" ", i.ipRanges()), i.keyHash() == null ? "" : "  (key)");
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an institution.")
    static final class Remove implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "ISIL") String isil;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                if (!w.catalog().removeInstitution(isil)) {
                    System.err.println("no institution " + isil);
                    return 1;
                }
            }
            System.out.println("institution " + isil + " removed");
            return 0;
        }
    }
}
