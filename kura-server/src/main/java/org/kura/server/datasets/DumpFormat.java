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

    /** Starts writing a dump to {@code out}; the returned writer is closed by the caller. */
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
