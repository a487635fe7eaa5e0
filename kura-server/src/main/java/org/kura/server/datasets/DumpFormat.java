package org.kura.server.datasets;

import java.io.IOException;
import java.io.OutputStream;
import org.kura.catalog.StoredRecord;
import org.kura.model.ReuseCondition;

/**
 * One format of the bulk datasets: JSON Lines, TSV, N-Triples. A dump writes a header (if any), then
 * one record at a time, so that a dump never holds more than one record in memory.
 */
public interface DumpFormat {
    /** Short name, e.g. {@code jsonl}; also the file suffix before {@code .gz}. */
    String name();

    String mediaType();

    /**
     * The gzip level (1–9): 6 by default; N-Triples, ten times larger and very repetitive, uses 1, which
     * compresses it nearly as well several times faster.
     */
    default int compressionLevel() {
        return 6;
    }

    /** Writes what comes once at the start of a dump (a header row), if anything. */
    default void writeHeader(OutputStream out) throws IOException {
    }

    /**
     * A writer of records (no header) to {@code out}; closed by the caller. Dumps are rendered in
     * batches on several threads, each batch by its own writer, and concatenated in order.
     */
    Writer open(OutputStream out) throws IOException;

    /** Writes records of one dump. */
    interface Writer extends AutoCloseable {
        /**
         * Writes a record (a tombstone in incremental dumps) with its provider's metadata licence;
         * returns false when this format cannot express it (a deletion in N-Triples).
         */
        boolean write(StoredRecord record, ReuseCondition metadataLicence) throws IOException;

        @Override
        void close() throws IOException;
    }
}
