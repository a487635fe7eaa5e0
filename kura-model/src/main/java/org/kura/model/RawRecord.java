package org.kura.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A record exactly as received from a provider, before any crosswalk.
 *
 * @param providerId     who sent it
 * @param identifier     the provider's identifier (OAI identifier, MARC 001, CSV id column…)
 * @param metadataPrefix the format of {@code bytes} (oai_dc, dcndl, jpcoar, marcxml, marc21, csv)
 * @param datestamp      the provider's datestamp, or null for files without one
 * @param deleted        true for an OAI-PMH deleted record (then {@code bytes} is empty)
 * @param sets           the set specs in the header
 * @param bytes          the metadata payload as received (UTF-8 XML for XML formats, ISO 2709 for MARC)
 */
public record RawRecord(String providerId, String identifier, String metadataPrefix, Instant datestamp,
                        boolean deleted, List<String> sets, byte[] bytes) {
    public RawRecord {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(metadataPrefix, "metadataPrefix");
        sets = sets == null ? List.of() : List.copyOf(sets);
        bytes = bytes == null ? new byte[0] : bytes;
    }
}
