package org.kura.cli.commands;

import java.util.List;
import java.util.concurrent.Callable;
import org.kura.catalog.StoredRecord;
import org.kura.cli.Wiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "record", mixinStandardHelpOptions = true, description = "Print a record (normalized, as JSON) by its identifier.")
public final class RecordCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "ID", description = "The provider's identifier, e.g. an OAI identifier.") String id;
    @Option(names = "--provider", description = "When several providers use the identifier.") String provider;
    @Option(names = "--history", description = "Print every version, newest first.") boolean history;

    @Override
    public Integer call() throws Exception {
        try (Wiring w = new Wiring(common.load())) {
            List<StoredRecord> found = provider != null
                    ? w.catalog().record(provider, id).stream().toList()
                    : w.catalog().recordsByIdentifier(id);
            if (found.isEmpty()) {
                throw new IllegalArgumentException("no record " + id);
            }
            if (found.size() > 1) {
                throw new IllegalArgumentException("identifier " + id + " is used by providers "
                        + found.stream().map(StoredRecord::providerId).toList() + "; choose one with --provider");
            }
            StoredRecord r = found.get(0);
            System.out.println(Json.pretty(history ? w.catalog().history(r.providerId(), r.identifier()) : r));
        }
        return 0;
    }
}
