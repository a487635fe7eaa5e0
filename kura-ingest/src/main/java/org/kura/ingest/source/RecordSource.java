package org.kura.ingest.source;

import java.io.Closeable;

/**
 * A stream of raw records read from a file (OAI-PMH dump, DC-NDL RDF/XML, JPCOAR XML, MARCXML,
 * MARC21, CSV/TSV). Reads lazily in constant memory. A record the reader cannot even delimit is
 * reported as a {@link SourceItem.Unreadable} with its bytes and the reason, and reading goes on
 * where the format allows it.
 */
public interface RecordSource extends Closeable, Iterable<SourceItem> {

    /** Number of records if known up front (for ETA), else -1. */
    default long expectedCount() {
        return -1;
    }
}
