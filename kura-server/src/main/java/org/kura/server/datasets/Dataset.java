package org.kura.server.datasets;

import java.time.Instant;

/**
 * One published dump, as listed by {@code /datasets}.
 *
 * @param file      file name under the datasets directory (e.g. {@code kura-full-20261124T1200Z.jsonl.gz})
 * @param kind      {@code full} or {@code incremental}
 * @param records   records written (tombstones included in incremental JSONL/TSV)
 * @param deleted   tombstones among them
 * @param bytes     size of the gzipped file
 * @param sha256    SHA-256 of the gzipped file, hex
 * @param licence   licence of the metadata in it (a URI), or {@code mixed} with a per-record field
 * @param since     for incremental dumps: changes from this time on
 */
public record Dataset(String file, String kind, String format, String mediaType, long records, long deleted,
                      long bytes, String sha256, String licence, Instant generated, Instant since) {
}
