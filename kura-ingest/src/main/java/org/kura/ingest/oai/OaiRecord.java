package org.kura.ingest.oai;

import java.time.Instant;
import java.util.List;

/**
 * One record of a ListRecords response.
 *
 * @param identifier the header identifier
 * @param datestamp  the header datestamp, or null when unparsable
 * @param deleted    header status="deleted"
 * @param sets       header setSpecs
 * @param metadata   the child of {@code <metadata>} re-serialized as UTF-8 XML (empty for deletions)
 * @param problem    why the record cannot be used (too large, no metadata…), or null
 */
public record OaiRecord(String identifier, Instant datestamp, boolean deleted, List<String> sets, byte[] metadata,
                        String problem) {
}
