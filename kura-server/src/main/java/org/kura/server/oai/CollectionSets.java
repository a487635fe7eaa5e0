package org.kura.server.oai;

import java.util.List;
import java.util.Set;
import org.kura.catalog.StoredRecord;

/**
 * OAI-PMH sets beyond providers: collections (a query over the catalog), whose membership the search
 * index decides.
 */
public interface CollectionSets {
    /** A collection offered as set {@code collection:<id>}. */
    record Info(String id, String name) {
    }

    List<Info> collections();

    boolean exists(String id);

    /**
     * Of these live records, the ones in the collection, as {@code provider + "\u0000" + identifier}.
     */
    Set<String> members(String id, List<StoredRecord> records);
}
