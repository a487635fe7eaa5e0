package org.kura.ingest.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.kura.catalog.CatalogStore;
import org.kura.model.Provider;

/**
 * A harvest in its own JVM, for {@link KillDuringHarvestTest}: prints one line per committed page
 * and slows down so that the test can kill it with SIGKILL in the middle.
 */
public final class HarvestChild {
    private HarvestChild() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        String baseUrl = args[1];
        try (CatalogStore store = HarvestFixture.catalog(data)) {
            store.saveProvider(Provider.of("p", "子プロセス").withOai(baseUrl, "oai_dc", List.of()));
            HarvestFixture.service(store, HarvestFixture.fastSettings()).harvest("p", HarvestOptions.incremental(), p -> {
                System.out.println("PAGE " + p.done());
                System.out.flush();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        System.out.println("DONE");
    }
}
