package org.kura.cli.commands;

import java.util.List;
import java.util.concurrent.Callable;
import org.kura.catalog.DoiEntry;
import org.kura.cli.Wiring;
import org.kura.lod.doi.DoiException;
import org.kura.server.doi.DoiDocuments;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "doi", mixinStandardHelpOptions = true,
        description = {"DOIs for digitized items: one per item, under doi.prefix and doi.pattern; the landing page is the "
                + "record page, and <base URL>/doi/<DOI> resolves locally.",
                "Minting is local (state DRAFT): register the DOI with DataCite or JaLC using `kura doi xml`, then record it "
                        + "with `kura doi state`."},
        subcommands = {DoiCommand.Mint.class, DoiCommand.Show.class, DoiCommand.Xml.class, DoiCommand.State.class})
public final class DoiCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static String line(DoiEntry e) {
        return String.format("%-40s %-24s %-10s %s", e.doi(), e.itemId(), e.state(),
                e.providerId() == null ? "" : e.providerId() + ":" + e.recordIdentifier());
    }

    /** DOI errors as a message and exit code 1 (2 for what the user typed wrong). */
    static int failed(DoiException e) {
        System.err.println("kura: " + e.getMessage());
        return e.reason() == DoiException.Reason.MALFORMED ? 2 : 1;
    }

    @Command(name = "mint", mixinStandardHelpOptions = true,
            description = "Give an item (or every item) its DOI; an item that has one keeps it.")
    static final class Mint implements Callable<Integer> {
        @Mixin CommonOptions common;

        static final class Which {
            @Parameters(paramLabel = "ITEM", description = "The item id.") String item;
            @Option(names = "--all", description = "Every item in the catalog.") boolean all;
        }

        @ArgGroup(multiplicity = "1") Which which;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                List<DoiEntry> minted = which.all ? w.doiMinter(null).mintAll() : List.of(w.doiMinter(null).mint(which.item));
                minted.forEach(e -> System.out.println(line(e)));
                if (which.all) {
                    System.out.println(minted.size() + " item(s) with a DOI");
                }
                return 0;
            } catch (DoiException e) {
                return failed(e);
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A DOI: its item, record, state and landing page.")
    static final class Show implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "DOI") String doi;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                String base = w.config().server().baseUrl();
                DoiDocuments docs = w.doiDocuments(base);
                DoiEntry e = docs.require(doi);
                System.out.println("DOI           " + e.doi());
                System.out.println("resolver      https://doi.org/" + e.doi() + "   (locally: " + base + "/doi/" + e.doi() + ")");
                System.out.println("item          " + e.itemId());
                System.out.println("record        " + (e.providerId() == null ? "—" : e.providerId() + ":" + e.recordIdentifier()));
                System.out.println("landing page  " + docs.landingPath(e).map(p -> base + p).orElse("— (no record)"));
                System.out.println("state         " + e.state());
                System.out.println("minted        " + e.createdAt() + "   updated " + e.updatedAt());
                return 0;
            } catch (DoiException e) {
                return failed(e);
            }
        }
    }

    @Command(name = "xml", mixinStandardHelpOptions = true,
            description = "Print the registration metadata of a DOI: DataCite Metadata Schema 4.5 or JaLC deposit XML.")
    static final class Xml implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(paramLabel = "DOI") String doi;
        @Option(names = "--format", defaultValue = "datacite", description = "datacite or jalc (default: ${DEFAULT-VALUE}).")
        String format;

        @Override
        public Integer call() {
            if (!format.equals("datacite") && !format.equals("jalc")) {
                System.err.println("kura: --format is datacite or jalc, not " + format);
                return 2;
            }
            try (Wiring w = new Wiring(common.load())) {
                DoiDocuments docs = w.doiDocuments(w.config().server().baseUrl());
                DoiEntry e = docs.require(doi);
                System.out.print(format.equals("jalc") ? docs.jalc(e) : docs.dataCite(e));
                System.out.println();
                return 0;
            } catch (DoiException e) {
                return failed(e);
            }
        }
    }

    @Command(name = "state", mixinStandardHelpOptions = true,
            description = "Record where registration stands after sending the XML: DRAFT, REGISTERED or FINDABLE.")
    static final class State implements Callable<Integer> {
        @Mixin CommonOptions common;
        @Parameters(index = "0", paramLabel = "DOI") String doi;
        @Parameters(index = "1", paramLabel = "STATE") DoiEntry.State state;

        @Override
        public Integer call() {
            try (Wiring w = new Wiring(common.load())) {
                DoiEntry e = w.doiDocuments(w.config().server().baseUrl()).require(doi);
                w.catalog().setDoiState(e.doi(), state);
                System.out.println(e.doi() + " " + state);
                return 0;
            } catch (DoiException e) {
                return failed(e);
            }
        }
    }
}
