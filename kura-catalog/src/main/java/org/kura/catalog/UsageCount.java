package org.kura.catalog;

import java.time.LocalDate;
import java.util.Objects;

/** How often an item was asked for something on a day by a kind of principal (anonymized: no one is named). */
public record UsageCount(LocalDate day, String itemId, String action, String principalKind, long uses) {
    public UsageCount {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(principalKind, "principalKind");
    }
}
