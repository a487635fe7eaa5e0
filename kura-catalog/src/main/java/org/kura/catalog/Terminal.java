package org.kura.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An on-site terminal (reading-room PCs) that may show ONSITE-tier items; recognised by its address ranges. */
public record Terminal(String id, String isil, String name, List<String> ipRanges, Instant createdAt) {
    public Terminal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        ipRanges = ipRanges == null ? List.of() : List.copyOf(ipRanges);
    }
}
