package org.kura.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.util.ClientUtils;
import org.apache.solr.common.cloud.SolrZkClient;
import org.apache.solr.common.cloud.ZkMaintenanceUtils;

/**
 * A SolrCloud collection reached through ZooKeeper. On start the project's configset is uploaded
 * and, when missing, a collection is created with the configured shards and replicas behind an
 * alias (so a full rebuild can swap in a new collection while the old one keeps serving). Documents
 * are routed by their cluster key, so records of one work cluster share a shard (collapse needs that).
 * Each collection remembers, as a collection property, the configset its documents were analysed
 * with, so an upgrade that changes analysis is noticed ({@link #builtWithOtherConfiguration()}).
 */
public final class SolrCloudBackend implements SearchBackend, Indexer.Rebuildable {
    private final CloudSolrClient client;
    private final String zkHost;
    private final String alias;
    private final int shards;
    private final int replicas;
    private final String routerField;
    /** The collection property naming the {@link ConfigSet#digest()} a collection was built with. */
    static final String BUILT_WITH = "kura.configset.sha256";
    private volatile boolean otherConfiguration;

    public SolrCloudBackend(String zkHost, String alias, int shards, int replicas) throws IOException {
        this(zkHost, alias, shards, replicas, "cluster_key");
    }

    /**
     * @param routerField the field whose value decides a document's shard ({@code cluster_key} for records,
     *                    so that a work cluster is on one shard; {@code item_id} for page text, so that a
     *                    book's pages are)
     */
    public SolrCloudBackend(String zkHost, String alias, int shards, int replicas, String routerField) throws IOException {
        this.routerField = routerField;
        this.zkHost = zkHost;
        this.alias = alias;
        this.shards = shards;
        this.replicas = replicas;
        uploadConfigSet();
        this.client = new CloudHttp2SolrClient.Builder(List.of(zkHost), Optional.empty()).build();
        try {
            boolean existed = exists(alias);
            if (!existed) {
                String first = alias + "_1";
                createCollection(first);
                CollectionAdminRequest.createAlias(alias, first).process(client);
            }
            String serving = current();
            boolean other = ConfigSet.outdated(existed, builtWith(serving), this::documents,
                    "the collection " + serving + " behind " + alias);
            if (!other) {
                markBuiltWith(serving);
            }
            otherConfiguration = other;
        } catch (SolrServerException e) {
            throw new SearchException("cannot create the collection " + alias + " on " + zkHost + ": " + e.getMessage(), e);
        }
    }

    /** The configset digest {@code collection} was built with ("" when it never said: a collection of an older Kura). */
    String builtWith(String collection) throws IOException {
        String d = properties().getCollectionProperty(collection, BUILT_WITH, "");
        return d == null ? "" : d;
    }

    private void markBuiltWith(String collection) throws IOException {
        if (!ConfigSet.digest().equals(builtWith(collection))) {
            properties().setCollectionProperty(collection, BUILT_WITH, ConfigSet.digest());
        }
    }

    private org.apache.solr.common.cloud.CollectionProperties properties() {
        return new org.apache.solr.common.cloud.CollectionProperties(
                org.apache.solr.common.cloud.ZkStateReader.from(client).getZkClient());
    }

    private long documents() throws IOException, SolrServerException {
        return client.query(alias, new org.apache.solr.client.solrj.SolrQuery("*:*").setRows(0)).getResults().getNumFound();
    }

    @Override
    public boolean builtWithOtherConfiguration() {
        return otherConfiguration;
    }

    private void uploadConfigSet() throws IOException {
        Path dir = Files.createTempDirectory("kura-configset");
        try (SolrZkClient zk = new SolrZkClient.Builder().withUrl(zkHost).withTimeout(30, TimeUnit.SECONDS)
                .withConnTimeOut(30, TimeUnit.SECONDS).build()) {
            ConfigSet.writeTo(dir);
            ZkMaintenanceUtils.uploadToZK(zk, dir, "/configs/" + ConfigSet.NAME,
                    ZkMaintenanceUtils.UPLOAD_FILENAME_EXCLUDE_PATTERN);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    void createCollection(String name) throws IOException, SolrServerException {
        CollectionAdminRequest.createCollection(name, ConfigSet.NAME, shards, replicas)
                .setRouterField(routerField).process(client);
        try {
            org.apache.solr.common.cloud.ZkStateReader.from(client).waitForState(name, 60, TimeUnit.SECONDS,
                    (nodes, state) -> state != null && state.getSlices().stream()
                            .allMatch(s -> s.getLeader() != null && s.getReplicas().size() == replicas));
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new SearchException("collection " + name + " did not become active: " + e, e);
        }
        markBuiltWith(name);
    }

    private boolean exists(String name) throws IOException, SolrServerException {
        var aliases = org.apache.solr.common.cloud.ZkStateReader.from(client).getAliases();
        return aliases.getCollectionAliasListMap().containsKey(name)
                || client.getClusterState().hasCollection(name);
    }

    /** The collection the alias points to now. */
    String current() {
        List<String> targets = org.apache.solr.common.cloud.ZkStateReader.from(client).getAliases().resolveAliases(alias);
        return targets.isEmpty() ? alias : targets.get(0);
    }

    /** Points the alias at {@code next} and deletes the collection it pointed to. */
    void swapTo(String next) throws IOException, SolrServerException {
        String old = current();
        CollectionAdminRequest.createAlias(alias, next).process(client);
        if (!old.equals(next) && !old.equals(alias)) {
            CollectionAdminRequest.deleteCollection(old).process(client);
        }
    }

    /** A new collection, then the alias is pointed at it and the old collection deleted. */
    @Override
    public Indexer.Rebuild startRebuild() throws IOException, SolrServerException {
        String next = alias + "_" + System.currentTimeMillis();
        createCollection(next);
        return new Indexer.Rebuild() {
            private boolean swapped;

            @Override
            public void add(List<org.apache.solr.common.SolrInputDocument> docs) throws IOException, SolrServerException {
                client.add(next, docs);
            }

            @Override
            public void swapIn() throws IOException, SolrServerException {
                client.commit(next, true, true);
                swapTo(next);
                swapped = true;
                otherConfiguration = false;
            }

            @Override
            public void close() throws IOException, SolrServerException {
                if (!swapped) {
                    CollectionAdminRequest.deleteCollection(next).process(client);
                }
            }
        };
    }

    @Override
    public SolrClient client() {
        return client;
    }

    @Override
    public String collection() {
        return alias;
    }

    @Override
    public void deleteRecords(Collection<String> ids) throws IOException, SolrServerException {
        List<String> list = new ArrayList<>(ids);
        for (int i = 0; i < list.size(); i += 200) {
            List<String> chunk = list.subList(i, Math.min(list.size(), i + 200));
            StringBuilder q = new StringBuilder("id:(");
            for (int k = 0; k < chunk.size(); k++) {
                q.append(k == 0 ? "" : " OR ").append('"').append(ClientUtils.escapeQueryChars(chunk.get(k))).append('"');
            }
            client.deleteByQuery(alias, q.append(')').toString());
        }
    }

    @Override
    public boolean healthy() {
        try {
            return client.getClusterState().getLiveNodes().size() > 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
