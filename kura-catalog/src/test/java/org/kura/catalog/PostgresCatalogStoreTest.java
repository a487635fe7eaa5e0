package org.kura.catalog;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The same contract on a real PostgreSQL started from Debian's binaries. */
class PostgresCatalogStoreTest extends CatalogStoreContract {
    private static PostgresTestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresTestServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected CatalogStore openEmpty() throws Exception {
        server.reset();
        return CatalogStores.open(server.settings());
    }

    @Override
    protected CatalogStore openAgain() throws Exception {
        return CatalogStores.open(server.settings());
    }
}
