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
public final class EmbeddedSolrBackend implements SearchBackend, Indexer.Rebuildable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EmbeddedSolrBackend.class);
    /** The file in a core's folder that names the configset (its {@link ConfigSet#digest()}) its index was built with. */
    private static final String BUILT_WITH = "built-with-configset.sha256";

    private final CoreContainer container;
    private final EmbeddedSolrServer client;
    private final String core;
    private final Path solrHome;
    /** Whether the serving index was built with an earlier configset (until a rebuild is swapped in). */
    private volatile boolean otherConfiguration;

    public EmbeddedSolrBackend(Path solrHome, String core) throws IOException {
        this.core = core;
        this.solrHome = solrHome;
        Files.createDirectories(solrHome);
        Path coreDir = instanceDir(solrHome, core);
        boolean existed = Files.exists(coreDir.resolve("core.properties"));
        ConfigSet.writeTo(coreDir.resolve("conf"));
        Files.writeString(coreDir.resolve("core.properties"), "name=" + core + "\n");
        discardUnfinishedRebuilds(solrHome, core);
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
        awaitLogReplay(coreDir);
        client = new EmbeddedSolrServer(container, core);
        boolean other;
        try {
            other = ConfigSet.outdated(existed, builtWith(coreDir), this::documents, "the search index in " + coreDir);
        } catch (SolrServerException e) {
            throw new IOException("cannot count the documents of " + core + ": " + e.getMessage(), e);
        }
        if (!other) {
            Files.writeString(coreDir.resolve(BUILT_WITH), ConfigSet.digest() + "\n");
        }
        otherConfiguration = other;
    }

    /** How long an opening waits for Solr to replay the transaction log a stopped process left. */
    private static final long REPLAY_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(30);

    /**
     * After a process stopped with documents added but not committed, Solr replays its transaction log in the
     * background when the core opens, and ignores every commit sent meanwhile ("Ignoring commit while not
     * ACTIVE"): the indexer would save a position for documents that are not in the index. So the backend
     * is ready only when the replay is done.
     */
    private void awaitLogReplay(Path coreDir) throws IOException {
        try (org.apache.solr.core.SolrCore c = container.getCore(core)) {
            org.apache.solr.update.UpdateLog log = c == null ? null : c.getUpdateHandler().getUpdateLog();
            if (log == null || log.getState() == org.apache.solr.update.UpdateLog.State.ACTIVE) {
                return;
            }
            LOG.info("replaying the transaction log of the search index in {} (left by a process that stopped) before it is used",
                    coreDir);
            long start = System.nanoTime();
            while (log.getState() != org.apache.solr.update.UpdateLog.State.ACTIVE) {
                if (System.nanoTime() - start > REPLAY_NANOS) {
                    container.shutdown();
                    throw new SearchException("the search index in " + coreDir + " was still replaying its transaction log after "
                            + "30 minutes; remove its data/tlog folder and run `kura index --full`");
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    container.shutdown();
                    throw new IOException("interrupted while the search index replayed its transaction log", e);
                }
            }
            LOG.info("transaction log replayed in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static String builtWith(Path coreDir) throws IOException {
        Path f = coreDir.resolve(BUILT_WITH);
        return Files.exists(f) ? Files.readString(f).strip() : "";
    }

    private long documents() throws IOException, SolrServerException {
        return client.query(core, new org.apache.solr.client.solrj.SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    }

    @Override
    public boolean builtWithOtherConfiguration() {
        return otherConfiguration;
    }

    /** The directory of the core named {@code core}: after a rebuild it is the former side-by-side one. */
    private static Path instanceDir(Path solrHome, String core) throws IOException {
        try (var dirs = Files.list(solrHome)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path props = d.resolve("core.properties");
                if (Files.exists(props) && Files.readString(props).lines().anyMatch(l -> l.strip().equals("name=" + core))) {
                    return d;
                }
            }
        }
        return solrHome.resolve(core);
    }

    /** A rebuild that did not finish (the process stopped) leaves its side core behind: remove it. */
    private static void discardUnfinishedRebuilds(Path solrHome, String core) throws IOException {
        try (var dirs = Files.list(solrHome)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path props = d.resolve("core.properties");
                if (Files.exists(props) && Files.readString(props).lines().anyMatch(l -> l.strip().equals("name=" + core + "_rebuild"))) {
                    try (var walk = Files.walk(d)) {
                        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
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

    /** A side-by-side core, swapped with the serving one when complete; the old one is then removed. */
    @Override
    public Indexer.Rebuild startRebuild() throws IOException {
        String side = core + "_rebuild";
        if (container.getCoreDescriptor(side) != null) {
            container.unload(side, true, true, true);
        }
        Path dir = solrHome.resolve(side + "_" + System.currentTimeMillis());
        ConfigSet.writeTo(dir.resolve("conf"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(BUILT_WITH), ConfigSet.digest() + "\n"); // travels with the folder when it is swapped in
        container.create(side, dir, Map.of(), false);
        return new Indexer.Rebuild() {
            @Override
            public void add(java.util.List<org.apache.solr.common.SolrInputDocument> docs)
                    throws IOException, SolrServerException {
                client.add(side, docs);
            }

            @Override
            public void swapIn() throws IOException, SolrServerException {
                client.commit(side, true, true);
                container.swap(core, side);
                otherConfiguration = false;
            }

            @Override
            public void close() {
                container.unload(side, true, true, true);
            }
        };
    }

    @Override
    public boolean healthy() {
        return container.isLoaded(core);
    }

    @Override
    public void close() throws IOException {
        client.close();
        if (!container.isShutDown()) {
            container.shutdown(); // releases the index lock, so the same data directory can be opened again
        }
    }
}
