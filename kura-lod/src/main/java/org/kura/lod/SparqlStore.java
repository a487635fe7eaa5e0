package org.kura.lod;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Change;
import org.kura.catalog.StoredRecord;

/**
 * The SPARQL store: every live record's DC-NDL description in a Jena TDB2 dataset, one named graph
 * per record (so an update replaces exactly that record), kept in step with the catalog's change log
 * like the search index (its position saved in the catalog as {@code sparql}). Queries are read-only,
 * see all graphs as the default graph, run under a time limit and return at most a capped number of
 * results.
 */
public final class SparqlStore implements AutoCloseable {
    public static final String POSITION = "sparql";

    /** The query could not be parsed (or was an update): HTTP 400. */
    public static final class SyntaxException extends RuntimeException {
        public SyntaxException(String message) {
            super(message);
        }
    }

    /** The query ran past its time limit and was stopped. */
    public static final class TimeoutException extends RuntimeException {
        public TimeoutException(String message) {
            super(message);
        }
    }

    private final Dataset dataset;
    private final DcNdlMapper mapper;
    private final UriScheme uris;
    private final long timeoutMillis;
    private final int maxResults;

    private long bulkLoadFrom = COMPACT_AFTER;

    /** A first load of a catalog with at least this many changes goes through the bulk loader (default 100,000). */
    public SparqlStore bulkLoadFrom(long changes) {
        this.bulkLoadFrom = changes;
        return this;
    }

    public SparqlStore(Path dir, UriScheme uris, long timeoutMillis, int maxResults) {
        this.dataset = TDB2Factory.connectDataset(dir.toString());
        this.dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        this.uris = uris;
        this.mapper = new DcNdlMapper(uris);
        this.timeoutMillis = timeoutMillis;
        this.maxResults = maxResults;
    }

    /** Changes applied in one write transaction (read from the catalog 1,000 at a time). */
    static final int CHANGES_PER_TRANSACTION = 20_000;
    /** A catch-up that applied at least this many changes compacts the store afterwards. */
    static final int COMPACT_AFTER = 100_000;

    /**
     * Applies every change after the saved position; returns how many changes were applied.
     * TDB2 writes copy-on-write: each write transaction appends new copies of the index blocks it
     * touches, so changes go in large transactions, and a large catch-up ends with a compaction that
     * drops the old generation (measured: 1,000 changes per transaction grew 700,000 records to 23 GB).
     */
    public long catchUp(CatalogStore store) {
        long position = store.indexPosition(POSITION);
        if (position == 0 && isEmpty() && store.lastChangeSeq() >= bulkLoadFrom) {
            return bulkLoad(store);
        }
        long applied = 0;
        while (true) {
            long[] next = {position};
            int[] count = {0};
            Txn.executeWrite(dataset, () -> {
                while (count[0] < CHANGES_PER_TRANSACTION) {
                    List<Change> batch = store.changesSince(next[0], 1000);
                    if (batch.isEmpty()) {
                        return;
                    }
                    apply(store, batch);
                    next[0] = batch.get(batch.size() - 1).seq();
                    count[0] += batch.size();
                }
            });
            if (count[0] == 0) {
                break;
            }
            position = next[0];
            store.saveIndexPosition(POSITION, position);
            applied += count[0];
        }
        if (applied >= COMPACT_AFTER) {
            compact();
        }
        return applied;
    }

    /**
     * The first load of a large catalog: every current record streamed through TDB2's bulk loader
     * (which builds the indexes in one pass instead of copying B+tree blocks transaction by transaction),
     * then the position set to the change log's end as it was when the load began; changes made during
     * the load are applied by the next catch-up (applying a change twice is harmless).
     *
     * @return the number of records loaded
     */
    private long bulkLoad(CatalogStore store) {
        long until = store.lastChangeSeq();
        org.apache.jena.tdb2.loader.DataLoader loader = org.apache.jena.tdb2.loader.LoaderFactory.sequentialLoader(
                dataset.asDatasetGraph(), (fmt, args) -> { });
        long[] loaded = {0};
        loader.startBulk();
        try {
            org.apache.jena.riot.system.StreamRDF out = loader.stream();
            store.forEachCurrent(null, r -> {
                if (r.normalized() == null) {
                    return;
                }
                Model m = ModelFactory.createDefaultModel();
                mapper.add(m, r.normalized());
                org.apache.jena.graph.Node graph = org.apache.jena.graph.NodeFactory.createURI(uris.record(r.providerId(), r.identifier()));
                m.getGraph().find().forEachRemaining(t -> out.quad(org.apache.jena.sparql.core.Quad.create(graph, t)));
                loaded[0]++;
            });
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
        store.saveIndexPosition(POSITION, until);
        return loaded[0] + catchUp(store);
    }

    private boolean isEmpty() {
        return Txn.calculateRead(dataset, () -> !dataset.asDatasetGraph().find().hasNext());
    }

    private void apply(CatalogStore store, List<Change> batch) {
        Map<String, List<String>> byProvider = new HashMap<>();
        for (Change c : batch) {
            if (c.kind() == Change.Kind.UPSERT) {
                byProvider.computeIfAbsent(c.providerId(), k -> new java.util.ArrayList<>()).add(c.identifier());
            }
        }
        Map<String, StoredRecord> current = new HashMap<>();
        byProvider.forEach((p, ids) -> store.records(p, ids).forEach(r -> current.put(p + "\u0000" + r.identifier(), r)));
        for (Change c : batch) {
            String graph = uris.record(c.providerId(), c.identifier());
            dataset.removeNamedModel(graph);
            StoredRecord r = c.kind() == Change.Kind.UPSERT ? current.get(c.providerId() + "\u0000" + c.identifier()) : null;
            if (r != null && !r.deleted() && r.normalized() != null) {
                Model m = ModelFactory.createDefaultModel();
                mapper.add(m, r.normalized());
                dataset.addNamedModel(graph, m);
            }
        }
    }

    /** Rewrites the store into a new generation without the superseded blocks, and deletes the old one. */
    public void compact() {
        org.apache.jena.tdb2.DatabaseMgr.compact(dataset.asDatasetGraph(), true);
    }

    /** How many records (named graphs) the store holds. */
    public long size() {
        return Txn.calculateRead(dataset, () -> {
            long n = 0;
            for (var it = dataset.listModelNames(); it.hasNext(); it.next()) {
                n++;
            }
            return n;
        });
    }

    /**
     * Runs a read-only query and writes its results: SELECT/ASK as SPARQL results in {@code accept}'s
     * format (JSON by default; XML, CSV, TSV), CONSTRUCT/DESCRIBE as RDF (Turtle by default; RDF/XML,
     * N-Triples, JSON-LD).
     *
     * @return the media type written
     */
    public String query(String sparql, String accept, OutputStream out) {
        Query q;
        try {
            q = QueryFactory.create(sparql);
        } catch (QueryParseException e) {
            throw new SyntaxException(e.getMessage().lines().findFirst().orElse("syntax error")
                    + (sparql.toUpperCase(java.util.Locale.ROOT).matches("(?s).*\\b(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE)\\b.*")
                    ? " (this endpoint is read-only: updates are not accepted)" : ""));
        }
        if (!q.hasLimit() || q.getLimit() > maxResults) {
            q.setLimit(maxResults);
        }
        String a = accept == null ? "" : accept.toLowerCase(java.util.Locale.ROOT);
        try {
            return Txn.calculateRead(dataset, () -> {
                try (QueryExecution qe = QueryExecution.dataset(dataset).query(q).timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
                    if (q.isSelectType()) {
                        ResultSet rs = qe.execSelect();
                        return writeResults(rs, null, a, out);
                    }
                    if (q.isAskType()) {
                        return writeResults(null, qe.execAsk(), a, out);
                    }
                    Model m = q.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                    RdfFormat f = a.contains("rdf+xml") ? RdfFormat.RDF_XML : a.contains("n-triples") ? RdfFormat.N_TRIPLES
                            : a.contains("ld+json") ? RdfFormat.JSON_LD : RdfFormat.TURTLE;
                    DcNdlMapper.prefixes(m);
                    f.write(m, out);
                    return f.mediaType();
                }
            });
        } catch (QueryCancelledException e) {
            throw new TimeoutException("the query ran longer than " + timeoutMillis + " ms and was stopped");
        }
    }

    private static String writeResults(ResultSet rs, Boolean ask, String accept, OutputStream out) {
        org.apache.jena.riot.Lang lang;
        String type;
        if (accept.contains("sparql-results+xml") || accept.contains("application/xml")) {
            lang = ResultSetLang.RS_XML;
            type = "application/sparql-results+xml";
        } else if (accept.contains("text/csv")) {
            lang = ResultSetLang.RS_CSV;
            type = "text/csv";
        } else if (accept.contains("tab-separated-values")) {
            lang = ResultSetLang.RS_TSV;
            type = "text/tab-separated-values";
        } else {
            lang = ResultSetLang.RS_JSON;
            type = "application/sparql-results+json";
        }
        if (ask != null) {
            ResultSetMgr.write(out, ask, lang);
        } else {
            ResultSetMgr.write(out, rs, lang);
        }
        return type;
    }

    @Override
    public void close() {
        dataset.close();
    }

    /** For the record: the model of one record's graph (tests, describe). */
    public Model graph(String providerId, String identifier) {
        return Txn.calculateRead(dataset, () -> {
            Model m = ModelFactory.createDefaultModel();
            m.add(dataset.getNamedModel(uris.record(providerId, identifier)));
            return m;
        });
    }
}
