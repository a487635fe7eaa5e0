package org.kura.catalog;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2CatalogStoreTest extends CatalogStoreContract {
    @TempDir
    Path dir;

    @Override
    protected CatalogStore openEmpty() {
        return CatalogStores.open(CatalogSettings.h2(dir));
    }

    @Override
    protected CatalogStore openAgain() {
        return CatalogStores.open(CatalogSettings.h2(dir));
    }
}
