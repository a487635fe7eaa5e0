package org.kura.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A record an {@link OaiPmhTestServer} serves: header fields and its metadata per prefix.
 *
 * @param metadata metadata prefix → the XML of the element inside {@code <metadata>}
 */
public record TestRecord(String identifier, Instant datestamp, List<String> sets, boolean deleted,
                         Map<String, String> metadata) {
    public TestRecord {
        sets = List.copyOf(sets);
        metadata = Map.copyOf(metadata);
    }

    public static TestRecord deleted(String identifier, Instant datestamp) {
        return new TestRecord(identifier, datestamp, List.of(), true, Map.of());
    }
}
