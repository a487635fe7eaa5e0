package org.kura.ingest.source;

import org.kura.model.RawRecord;

/** One item read from a {@link RecordSource}: a raw record or a piece that could not be read. */
public sealed interface SourceItem permits SourceItem.Read, SourceItem.Unreadable {

    record Read(RawRecord raw) implements SourceItem {
    }

    /**
     * @param identifier identifier if it could be found, else null
     * @param bytes      what was read, as received
     * @param reason     why it could not be read (with offset/line where known)
     */
    record Unreadable(String identifier, byte[] bytes, String reason) implements SourceItem {
    }
}
