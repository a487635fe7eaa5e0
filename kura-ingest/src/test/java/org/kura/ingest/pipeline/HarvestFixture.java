package org.kura.ingest.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.HarvestRun;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.ingest.oai.OaiClientSettings;
import org.kura.model.Provider;
import org.kura.testkit.OaiPmhTestServer;

/** A real H2 catalog, the standard crosswalks and a harvester tuned for fast tests. */
final class HarvestFixture {
    private HarvestFixture() {
    }

    static OaiClientSettings fastSettings() {
        return new OaiClientSettings("Kura-test", Duration.ofSeconds(2), 2, Duration.ofMillis(20),
                Duration.ofSeconds(1), Duration.ZERO, 5L << 20, 1L << 20);
    }

    static CatalogStore catalog(Path dir) {
        return CatalogStores.open(CatalogSettings.h2(dir));
    }

    static void register(CatalogStore store, OaiPmhTestServer server, String prefix, List<String> sets) {
        store.saveProvider(Provider.of("p", "テスト提供者").withOai(server.baseUrl().toString(), prefix, sets));
    }

    static HarvestService service(CatalogStore store, OaiClientSettings settings) {
        return new HarvestService(store, new StandardCrosswalks(), settings);
    }

    static long sum(List<HarvestRun> runs, java.util.function.ToLongFunction<HarvestRun> f) {
        return runs.stream().mapToLong(f).sum();
    }
}
