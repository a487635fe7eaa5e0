package org.kura.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A registered institution (a library in Japan or abroad) whose users may see LIBRARY-tier items: it
 * is recognised by its address ranges or by its key.
 *
 * @param ipRanges CIDR ranges (IPv4 or IPv6)
 * @param keyHash  SHA-256 of its access key, or null
 */
public record Institution(String isil, String name, String country, List<String> ipRanges, String keyHash, Instant createdAt) {
    public Institution {
        Objects.requireNonNull(isil, "isil");
        Objects.requireNonNull(name, "name");
        ipRanges = ipRanges == null ? List.of() : List.copyOf(ipRanges);
    }
}
