package org.kura.search;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogStore;

class EmbeddedSearchTest extends SearchContract {
    @TempDir
    Path dir;
    CatalogStore store;
    EmbeddedSolrBackend backend;

    @BeforeEach
    void open() throws Exception {
        store = newCatalog(dir.resolve("catalog"));
        load(store, corpus());
        backend = new EmbeddedSolrBackend(dir.resolve("solr"), "kura");
        new Indexer(store, backend).catchUp();
    }

    @AfterEach
    void close() throws Exception {
        backend.close();
        store.close();
    }

    @Override
    protected SearchBackend backend() {
        return backend;
    }

    @Override
    protected CatalogStore catalog() {
        return store;
    }
}
