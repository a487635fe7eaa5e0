package org.kura.catalog;

import java.time.Instant;

/** A grant of a non-public object, as the audit log keeps it. */
public record AccessEvent(Instant at, String principalKind, String principalName, String action, String itemId, String tier,
                          String client) {
}
