package org.kura.cli.commands;

import java.util.List;
import java.util.concurrent.Callable;
import org.kura.catalog.CatalogStore;
import org.kura.cli.Wiring;
import org.kura.model.Provider;
import org.kura.model.ProviderKind;
import org.kura.model.ReuseCondition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "provider", mixinStandardHelpOptions = true, description = "Manage data providers.",
        subcommands = {ProviderCommand.Add.class, ProviderCommand.ListProviders.class, ProviderCommand.Show.class,
            ProviderCommand.Remove.class})
public final class ProviderCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register a provider (or replace it with --replace).")
    static final class Add implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Option(names = "--id", required = true, description = "Short id: lower-case letters, digits, - and _.") String id;
        @Option(names = "--name", required = true, description = "Name (Japanese or the main name).") String name;
        @Option(names = "--name-en", description = "English name.") String nameEn;
        @Option(names = "--isil", description = "ISIL of the institution, e.g. JP-1000001.") String isil;
        @Option(names = "--kind", description = "One of: ${COMPLETION-CANDIDATES}.") ProviderKind kind;
        @Option(names = "--oai", paramLabel = "URL", description = "OAI-PMH base URL.") String oai;
        @Option(names = "--prefix", description = "Metadata prefix to harvest (default oai_dc).") String prefix;
        @Option(names = "--set", paramLabel = "SPEC", description = "Set to harvest (repeatable).") List<String> sets;
        @Option(names = "--schedule", description = "Harvest every ISO 8601 duration, e.g. P1D.") String schedule;
        @Option(names = "--rights", description = "Default reuse condition of records: ${COMPLETION-CANDIDATES}.") ReuseCondition rights;
        @Option(names = "--metadata-licence", description = "Licence of the metadata (default CC0).") ReuseCondition licence;
        @Option(names = "--contact", description = "Contact e-mail or URL.") String contact;
        @Option(names = "--replace", description = "Replace an existing provider with the same id.") boolean replace;

        @Override
        public Integer call() {
            if (oai != null && !(oai.startsWith("http://") || oai.startsWith("https://"))) {
                throw new IllegalArgumentException("--oai must be an http(s) URL: " + oai);
            }
            Provider p = new Provider(id, name, nameEn, isil, kind, oai, prefix, sets, schedule, rights, licence, contact);
            try (Wiring w = new Wiring(common.load())) {
                CatalogStore store = w.catalog();
                if (store.provider(id).isPresent() && !replace) {
                    throw new IllegalArgumentException("provider " + id + " already exists (use --replace)");
                }
                store.saveProvider(p);
            }
            System.out.println("provider " + id + " saved");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List providers with their record counts.")
    static final class ListProviders implements Callable<Integer> {
        @Mixin CommonOptions common;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                CatalogStore store = w.catalog();
                System.out.printf("%-20s %-10s %10s  %s%n", "ID", "PREFIX", "RECORDS", "NAME");
                for (Provider p : store.providers()) {
                    System.out.printf("%-20s %-10s %10d  %s%n", p.id(), p.metadataPrefix(),
                            store.countRecords(p.id(), false), p.nameJa());
                }
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one provider as JSON.")
    static final class Show implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() throws Exception {
            try (Wiring w = new Wiring(common.load())) {
                Provider p = w.catalog().provider(id)
                        .orElseThrow(() -> new IllegalArgumentException("no provider " + id));
                System.out.println(Json.pretty(p));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a provider and its records (deletions go to the change log).")
    static final class Remove implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "ID") String id;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                if (!w.catalog().removeProvider(id)) {
                    throw new IllegalArgumentException("no provider " + id);
                }
            }
            System.out.println("provider " + id + " removed");
            return 0;
        }
    }
}
