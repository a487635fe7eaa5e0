package org.kura.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.embedded.EmbeddedSolrServer;
import org.apache.solr.core.CoreContainer;
import org.apache.solr.core.NodeConfig;

/**
 * Solr inside the Kura process: a core per index under {@code <data>/solr}, no set-up. The
 * configset is written out at every start so that an upgrade brings its analysis along (a schema
 * change needs {@code kura index --full}).
 */
public final class EmbeddedSolrBackend implements SearchBackend {
    private final CoreContainer container;
    private final EmbeddedSolrServer client;
    private final String core;

    public EmbeddedSolrBackend(Path solrHome, String core) throws IOException {
        this.core = core;
        Path coreDir = solrHome.resolve(core);
        ConfigSet.writeTo(coreDir.resolve("conf"));
        Files.writeString(coreDir.resolve("core.properties"), "name=" + core + "\n");
        Files.writeString(solrHome.resolve("solr.xml"), "<solr></solr>\n");
        NodeConfig config = new NodeConfig.NodeConfigBuilder("kura", solrHome).setAllowPaths(java.util.Set.of(Path.of("_ALL_")))
                .build();
        container = new CoreContainer(config);
        container.load();
        Map<String, CoreContainer.CoreLoadFailure> failures = container.getCoreInitFailures();
        if (!failures.isEmpty()) {
            CoreContainer.CoreLoadFailure f = failures.values().iterator().next();
            container.shutdown();
            throw new SearchException("cannot open the search index in " + coreDir + ": " + f.exception.getMessage(),
                    f.exception);
        }
        client = new EmbeddedSolrServer(container, core);
    }

    @Override
    public SolrClient client() {
        return client;
    }

    @Override
    public String collection() {
        return core;
    }

    @Override
    public void deleteRecords(Collection<String> ids) throws IOException, SolrServerException {
        if (!ids.isEmpty()) {
            client.deleteById(core, new java.util.ArrayList<>(ids));
        }
    }

    @Override
    public boolean healthy() {
        return container.isLoaded(core);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
