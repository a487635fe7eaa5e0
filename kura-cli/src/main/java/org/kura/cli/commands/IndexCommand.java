package org.kura.cli.commands;

import java.util.concurrent.Callable;
import org.kura.cli.Wiring;
import org.kura.search.Indexer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Bring the search index up to date with the catalog's change log (resumes where it stopped).",
            "--full rebuilds it from the catalog while the old index keeps serving, then swaps."})
public final class IndexCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--full", description = "Rebuild from scratch (side-by-side core or a new collection behind the alias).")
    boolean full;

    @Override
    public Integer call() {
        try (Wiring w = new Wiring(common.load())) {
            Indexer indexer = w.indexer();
            long start = System.nanoTime();
            Indexer.IndexReport r = full ? indexer.rebuild() : indexer.catchUp(n -> {
                double s = (System.nanoTime() - start) / 1e9;
                System.err.printf("\rindexing: %d changes, %.0f changes/s   ", n, n / Math.max(s, 0.001));
            });
            System.err.println();
            System.out.printf("indexed %d, deleted %d, from %d changes, position %d, %.0f records/s%n", r.indexed(),
                    r.deleted(), r.changes(), r.position(), r.perSecond());
            if (w.search().builtWithOtherConfiguration()) {
                System.out.println("note: the index was built with an earlier search configuration; run `kura index --full` "
                        + "to rebuild it (the old index keeps serving meanwhile)");
            }
        }
        return 0;
    }
}
