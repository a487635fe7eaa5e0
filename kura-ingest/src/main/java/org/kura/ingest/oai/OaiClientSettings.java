package org.kura.ingest.oai;

import java.time.Duration;

/**
 * How the harvester behaves towards a provider.
 *
 * @param userAgent         sent with every request
 * @param timeout           per request (connect and whole response)
 * @param maxRetries        retries of a request after a timeout, I/O error, 5xx or 503
 * @param initialBackoff    first wait before a retry; doubled each time
 * @param maxRetryAfter     cap on a provider's Retry-After
 * @param politenessDelay   minimum pause between two requests to the provider
 * @param maxResponseBytes  a response body larger than this fails the request (bounded memory)
 * @param maxRecordBytes    a record larger than this is quarantined
 */
public record OaiClientSettings(String userAgent, Duration timeout, int maxRetries, Duration initialBackoff,
                                Duration maxRetryAfter, Duration politenessDelay, long maxResponseBytes,
                                long maxRecordBytes) {

    public static OaiClientSettings defaults() {
        return new OaiClientSettings("Kura/0.1 (OAI-PMH harvester)", Duration.ofSeconds(60), 5, Duration.ofSeconds(1),
                Duration.ofMinutes(5), Duration.ofSeconds(1), 512L << 20, 16L << 20);
    }
}
