package org.kura.ingest.oai;

import java.time.Instant;
import java.util.List;

/**
 * One page of a ListRecords list.
 *
 * @param responseDate    the provider's responseDate
 * @param records         the records in order
 * @param resumptionToken the token for the next page, or null at the end of the list
 * @param completeListSize the provider's completeListSize, or null
 * @param responseBytes   size of the response body as received (after gzip decoding)
 */
public record ListRecordsResponse(Instant responseDate, List<OaiRecord> records, String resumptionToken,
                                  Long completeListSize, long responseBytes) {
}
