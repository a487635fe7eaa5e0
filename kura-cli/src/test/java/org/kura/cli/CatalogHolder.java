package org.kura.cli;

import java.nio.file.Path;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;

/** A child process that holds the embedded catalog of a data directory open, as a running server does. */
public final class CatalogHolder {
    private CatalogHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (CatalogStore store = CatalogStores.open(CatalogSettings.h2(Path.of(args[0]).resolve("catalog")))) {
            System.out.println("OPEN");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
