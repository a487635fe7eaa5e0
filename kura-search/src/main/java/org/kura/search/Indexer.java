package org.kura.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Change;
import org.kura.catalog.StoredRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the catalog by following its change log: idempotent (a document is
 * replaced by id), resumable (the applied sequence is saved in the catalog after each committed
 * batch, so a crash re-applies at most one batch), deletions honoured. {@link #rebuild()} builds a
 * fresh index beside the serving one and swaps it in.
 */
public final class Indexer {
    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);
    public static final String POSITION = "solr";
    private static final int BATCH = 1000;
    private static final int COMMIT_EVERY = 20_000;
    private static final long COMMIT_NANOS = 5_000_000_000L;

    /** Keys indexed in one pass up to which only those keys are checked for new clusters afterwards. */
    private static final int TOUCHED_MAX = 50_000;

    private final CatalogStore store;
    private final SearchBackend backend;
    /** Cluster keys known to be shared (stale entries are harmless: a group of one collapses to itself). */
    private java.util.Set<String> shared;

    private final int threads;
    private final int commitEvery;

    public Indexer(CatalogStore store, SearchBackend backend) {
        this(store, backend, Math.max(1, Runtime.getRuntime().availableProcessors()), COMMIT_EVERY);
    }

    /**
     * @param threads     how many threads send documents to the index while the catalog is read
     * @param commitEvery changes between commits (and saved positions); also committed every 5 s
     */
    public Indexer(CatalogStore store, SearchBackend backend, int threads, int commitEvery) {
        this.store = store;
        this.backend = backend;
        this.threads = Math.max(1, threads);
        this.commitEvery = Math.max(1, commitEvery);
    }

    /** What an indexing pass did. */
    public record IndexReport(long changes, long indexed, long deleted, long position, long millis) {
        public double perSecond() {
            return millis == 0 ? indexed : indexed * 1000.0 / millis;
        }
    }

    /** Applies every change after the saved position. */
    public IndexReport catchUp() {
        return catchUp(n -> { });
    }

    public IndexReport catchUp(LongConsumer progress) {
        long start = System.currentTimeMillis();
        long position = store.indexPosition(POSITION);
        long committed = position;
        long changes = 0;
        long indexed = 0;
        long deleted = 0;
        long uncommitted = 0;
        long lastCommit = System.nanoTime();
        java.util.Set<String> touched = new java.util.HashSet<>();
        try (Writers writers = new Writers(backend, threads); Commits commits = new Commits(committed)) {
            while (true) {
                List<Change> batch = store.changesSince(position, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                Map<String, Change> latest = new LinkedHashMap<>();
                for (Change c : batch) {
                    latest.put(RecordDocuments.docId(c.providerId(), c.identifier()), c);
                }
                Map<String, StoredRecord> current = currentRecords(latest.values());
                if (shared == null) {
                    shared = sharedKeys(null); // once per indexer; kept up to date by markClusters
                }
                List<SolrInputDocument> docs = new ArrayList<>();
                List<String> gone = new ArrayList<>();
                for (Map.Entry<String, Change> e : latest.entrySet()) {
                    StoredRecord r = e.getValue().kind() == Change.Kind.DELETE ? null : current.get(e.getKey());
                    if (r != null && !r.deleted() && r.normalized() != null) {
                        if (r.version() > 1) {
                            gone.add(e.getKey()); // its cluster key (and so its shard) may have changed
                        }
                        SolrInputDocument doc = RecordDocuments.toDocument(r.normalized(), shared);
                        if (touched != null) {
                            touched.add((String) doc.getFieldValue("cluster_key"));
                            if (touched.size() > TOUCHED_MAX) {
                                touched = null; // a large pass: look at every key afterwards
                            }
                        }
                        docs.add(doc);
                    } else {
                        gone.add(e.getKey());
                        deleted++;
                    }
                }
                writers.submit(gone, docs);
                position = batch.get(batch.size() - 1).seq();
                changes += batch.size();
                indexed += docs.size();
                uncommitted += batch.size();
                // Commit (and only then save the position) every commitEvery changes or 5 seconds: opening
                // a searcher per small batch costs more than the indexing. A crash re-applies at most that much.
                // The commit (Lucene writing out the segments buffered in memory, on one thread) runs beside the
                // reading and analysis of the next batches; its position is saved once it is done.
                if (uncommitted >= commitEvery || System.nanoTime() - lastCommit > COMMIT_NANOS) {
                    writers.drain();
                    committed = commits.await();
                    commits.start(position);
                    uncommitted = 0;
                    lastCommit = System.nanoTime();
                }
                progress.accept(changes);
            }
            writers.drain();
            committed = commits.await();
            if (committed != position) {
                backend.commit();
                store.saveIndexPosition(POSITION, position);
            }
            if (indexed > 0) {
                markClusters(touched);
            }
        } catch (IOException | SolrServerException e) {
            throw new SearchException("indexing stopped after change " + committed + ": " + e.getMessage(), e);
        }
        return new IndexReport(changes, indexed, deleted, position, System.currentTimeMillis() - start);
    }

    /**
     * One commit at a time, in the background: everything up to a position is in the index writer when
     * {@link #start} is called, and the position is saved once that commit is durable. Documents added while
     * it runs may go into it too (re-applied after a crash, which is harmless).
     */
    private final class Commits implements AutoCloseable {
        private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kura-index-commit");
            t.setDaemon(true);
            return t;
        });
        private java.util.concurrent.Future<Long> pending;
        private long done;

        Commits(long done) {
            this.done = done;
        }

        void start(long position) {
            pending = thread.submit(() -> {
                backend.commit();
                store.saveIndexPosition(POSITION, position);
                return position;
            });
        }

        /** Waits for the commit under way, if any; returns the position saved last. */
        long await() throws IOException, SolrServerException {
            if (pending != null) {
                try {
                    done = pending.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while committing", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof SolrServerException se) {
                        throw se;
                    }
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IOException(e.getCause());
                } finally {
                    pending = null;
                }
            }
            return done;
        }

        @Override
        public void close() {
            thread.shutdown(); // never interrupt a commit: Lucene closes a writer whose I/O was interrupted
        }
    }

    /**
     * Sends batches to the index on {@code n} threads while the caller reads the next batch from the
     * catalog. Documents are partitioned by id, so the deletes and adds of one record always go through
     * the same thread in change-log order; at most two batches are in flight.
     */
    private static final class Writers implements AutoCloseable {
        private final SearchBackend backend;
        private final java.util.concurrent.ExecutorService[] lanes;
        private final java.util.ArrayDeque<List<java.util.concurrent.Future<?>>> inFlight = new java.util.ArrayDeque<>();

        Writers(SearchBackend backend, int n) {
            this.backend = backend;
            this.lanes = new java.util.concurrent.ExecutorService[n];
            for (int i = 0; i < n; i++) {
                int lane = i;
                lanes[i] = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "kura-indexer-" + lane);
                    t.setDaemon(true);
                    return t;
                });
            }
        }

        void submit(List<String> gone, List<SolrInputDocument> docs) throws IOException, SolrServerException {
            int n = lanes.length;
            List<List<String>> goneParts = new ArrayList<>();
            List<List<SolrInputDocument>> docParts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                goneParts.add(new ArrayList<>());
                docParts.add(new ArrayList<>());
            }
            for (String id : gone) {
                goneParts.get(Math.floorMod(id.hashCode(), n)).add(id);
            }
            for (SolrInputDocument d : docs) {
                docParts.get(Math.floorMod(d.getFieldValue("id").hashCode(), n)).add(d);
            }
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> g = goneParts.get(i);
                List<SolrInputDocument> d = docParts.get(i);
                if (g.isEmpty() && d.isEmpty()) {
                    continue;
                }
                futures.add(lanes[i].submit(() -> {
                    if (!g.isEmpty()) {
                        backend.deleteRecords(g);
                    }
                    backend.add(d);
                    return null;
                }));
            }
            inFlight.add(futures);
            while (inFlight.size() > 2) {
                await(inFlight.poll());
            }
        }

        /** Waits until everything submitted is in the index writer. */
        void drain() throws IOException, SolrServerException {
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
        }

        private static void await(List<java.util.concurrent.Future<?>> futures) throws IOException, SolrServerException {
            for (java.util.concurrent.Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while indexing", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof IOException io) {
                        throw io;
                    }
                    if (c instanceof SolrServerException s) {
                        throw s;
                    }
                    if (c instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IOException(c);
                }
            }
        }

        @Override
        public void close() {
            for (java.util.concurrent.ExecutorService lane : lanes) {
                lane.shutdownNow();
            }
        }
    }

    /** The current records of a batch of changes, fetched a provider at a time (not one query per record). */
    private Map<String, StoredRecord> currentRecords(java.util.Collection<Change> changes) {
        Map<String, List<String>> byProvider = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c.kind() == Change.Kind.UPSERT) {
                byProvider.computeIfAbsent(c.providerId(), k -> new ArrayList<>()).add(c.identifier());
            }
        }
        Map<String, StoredRecord> out = new java.util.HashMap<>();
        byProvider.forEach((provider, ids) -> store.records(provider, ids)
                .forEach(r -> out.put(RecordDocuments.docId(r.providerId(), r.identifier()), r)));
        return out;
    }

    /**
     * Rebuilds the index from the catalog's current records; the old index serves until the new
     * one is complete (embedded: a side-by-side core swapped in; SolrCloud: a new collection behind
     * the alias). Then catches up with changes made meanwhile.
     */
    public IndexReport rebuild() {
        return rebuild(n -> { });
    }

    /** {@link #rebuild()}, telling {@code progress} how many records the new index holds so far. */
    public IndexReport rebuild(LongConsumer progress) {
        long start = System.currentTimeMillis();
        long position = store.lastChangeSeq();
        long[] count = {0};
        try (Rebuild target = backend instanceof Rebuildable r ? r.startRebuild() : null) {
            if (target == null) {
                backend.deleteAll();
            }
            List<SolrInputDocument> docs = new ArrayList<>();
            try {
                store.forEachCurrent(null, r -> {
                    docs.add(RecordDocuments.toDocument(r.normalized()));
                    if (docs.size() >= BATCH) {
                        flush(target, docs);
                        count[0] += BATCH;
                        progress.accept(count[0]);
                    }
                });
                count[0] += docs.size();
                flush(target, docs);
                if (target != null) {
                    target.swapIn();
                } else {
                    backend.commit();
                }
            } catch (UncheckedSolr e) {
                throw new SearchException("rebuild failed: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (IOException | SolrServerException e) {
            throw new SearchException("rebuild failed: " + e.getMessage(), e);
        }
        store.saveIndexPosition(POSITION, position);
        LOG.info("index rebuilt with {} records in {} ms", count[0], System.currentTimeMillis() - start);
        IndexReport after = catchUp();
        try {
            markClusters(null);
        } catch (IOException | SolrServerException e) {
            throw new SearchException("marking clusters after the rebuild failed: " + e.getMessage(), e);
        }
        return new IndexReport(after.changes(), count[0] + after.indexed(), after.deleted(), after.position(),
                System.currentTimeMillis() - start);
    }

    /** The cluster keys (of {@code among}, or all when null) that two or more indexed records share. */
    private java.util.Set<String> sharedKeys(java.util.Set<String> among) throws IOException, SolrServerException {
        org.apache.solr.client.solrj.SolrQuery q = new org.apache.solr.client.solrj.SolrQuery("*:*");
        if (among != null) {
            if (among.isEmpty()) {
                return java.util.Set.of();
            }
            q.addFilterQuery("{!terms f=cluster_key}" + String.join(",", among));
        }
        q.setRows(0);
        q.setFacet(true);
        q.addFacetField("cluster_key");
        q.setFacetMinCount(2);
        q.setFacetLimit(-1);
        org.apache.solr.client.solrj.response.FacetField f = backend.client().query(backend.collection(), q)
                .getFacetField("cluster_key");
        java.util.Set<String> out = new java.util.HashSet<>();
        if (f != null && f.getValues() != null) {
            f.getValues().forEach(c -> out.add(c.getName()));
        }
        return out;
    }

    /**
     * Gives {@code cluster_group} to every record whose cluster key another record now shares and that
     * lacks it (typically the first holder, indexed before the second arrived): re-indexed from the
     * catalog. Search collapses on that field, so its distinct values are the real clusters only.
     */
    private void markClusters(java.util.Set<String> touched) throws IOException, SolrServerException {
        java.util.Set<String> found = sharedKeys(touched);
        if (shared == null) {
            shared = new java.util.HashSet<>();
        }
        shared.addAll(found);
        if (found.isEmpty()) {
            return;
        }
        List<String> keys = new ArrayList<>(found);
        long marked = 0;
        for (int i = 0; i < keys.size(); i += 2000) {
            List<String> chunk = keys.subList(i, Math.min(keys.size(), i + 2000));
            org.apache.solr.client.solrj.SolrQuery q = new org.apache.solr.client.solrj.SolrQuery("*:*");
            q.addFilterQuery("{!terms f=cluster_key}" + String.join(",", chunk));
            q.addFilterQuery("-cluster_group:[* TO *]");
            q.setFields("provider", "record_id");
            q.setRows(100_000);
            Map<String, List<String>> byProvider = new LinkedHashMap<>();
            for (org.apache.solr.common.SolrDocument d : backend.client().query(backend.collection(), q).getResults()) {
                byProvider.computeIfAbsent((String) d.getFieldValue("provider"), k -> new ArrayList<>())
                        .add((String) d.getFieldValue("record_id"));
            }
            List<SolrInputDocument> docs = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : byProvider.entrySet()) {
                for (StoredRecord r : store.records(e.getKey(), e.getValue())) {
                    if (!r.deleted() && r.normalized() != null) {
                        docs.add(RecordDocuments.toDocument(r.normalized(), shared));
                    }
                }
            }
            if (!docs.isEmpty()) {
                backend.add(docs);
                marked += docs.size();
            }
        }
        if (marked > 0) {
            backend.commit();
            LOG.info("marked {} records as members of {} shared clusters", marked, found.size());
        }
    }

    private void flush(Rebuild target, List<SolrInputDocument> docs) {
        try {
            if (target != null) {
                target.add(docs);
            } else {
                backend.add(docs);
            }
        } catch (IOException | SolrServerException e) {
            throw new UncheckedSolr(e);
        }
        docs.clear();
    }

    private static final class UncheckedSolr extends RuntimeException {
        UncheckedSolr(Exception cause) {
            super(cause);
        }
    }

    /** A backend that can build a new index beside the serving one. */
    public interface Rebuildable {
        Rebuild startRebuild() throws IOException, SolrServerException;
    }

    /** An index being built; {@link #swapIn()} makes it the serving one, {@link #close()} discards it if not. */
    public interface Rebuild extends AutoCloseable {
        void add(List<SolrInputDocument> docs) throws IOException, SolrServerException;

        void swapIn() throws IOException, SolrServerException;

        @Override
        void close() throws IOException, SolrServerException;
    }
}
