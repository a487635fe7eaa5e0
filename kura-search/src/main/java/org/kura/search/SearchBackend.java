package org.kura.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrInputDocument;

/**
 * Where the index lives: embedded Solr in the Kura process (default, zero set-up) or a SolrCloud
 * collection. Both use the project's one configset, so search behaves the same on both.
 */
public interface SearchBackend extends AutoCloseable {

    /** The client to query and update the index with (the collection is the default). */
    SolrClient client();

    /** The name of the collection (or core) queries go to. */
    String collection();

    /** Adds or replaces documents (by id). */
    default void add(Collection<SolrInputDocument> docs) throws IOException, SolrServerException {
        if (!docs.isEmpty()) {
            client().add(collection(), docs);
        }
    }

    /**
     * Deletes the documents of these records; on SolrCloud by query so that a document routed to
     * another shard (its cluster key changed) is found too.
     */
    void deleteRecords(Collection<String> ids) throws IOException, SolrServerException;

    /** Makes everything added visible to searches. */
    default void commit() throws IOException, SolrServerException {
        client().commit(collection(), true, true);
    }

    /** Removes every document (before a full rebuild into the same collection). */
    default void deleteAll() throws IOException, SolrServerException {
        client().deleteByQuery(collection(), "*:*");
    }

    /** True when the index answers. */
    boolean healthy();

    /**
     * True when the index holds documents analysed by an earlier configset than this Kura's: it still answers,
     * but {@code kura index --full} should rebuild it (CHANGELOG.md says which changes need that).
     */
    default boolean builtWithOtherConfiguration() {
        return false;
    }

    @Override
    void close() throws IOException;
}
