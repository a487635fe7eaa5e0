package org.kura.cli.config;

import java.nio.file.Path;

/**
 * Kura's effective configuration, built once by {@link ConfigLoader} from the defaults, the
 * configuration file and {@code KURA_…} environment variables, then passed down by constructors.
 */
public record KuraConfig(String data, Catalog catalog, Search search, Server server, Harvest harvest, Oai oai, Api api, Sparql sparql, Doi doi) {

    public Path dataDir() {
        return Path.of(data).toAbsolutePath().normalize();
    }

    public record Catalog(String url, String user, String password, int poolSize) {
        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    public record Search(String backend, String zkHost, String collection, int shards, int replicas) {
        public boolean embedded() {
            return backend == null || backend.isBlank() || backend.equalsIgnoreCase("embedded");
        }
    }

    public record Server(String host, int port, String baseUrl, String adminToken) {
    }

    public record Harvest(String userAgent, long politenessDelayMs, int timeoutSeconds, int maxRetries,
                          long maxResponseBytes, long maxRecordBytes, int importPageSize) {
    }

    /** The OAI-PMH provider at /oai. */
    public record Oai(String repositoryName, String repositoryIdentifier, String adminEmail, int pageSize,
                      int tokenLifetimeHours) {
    }

    /**
     * Limits of the public APIs.
     *
     * @param anonymousPerMinute requests per minute per client address without an API key (0 = unlimited)
     * @param trustedProxies     reverse proxies whose X-Forwarded-For is believed
     */
    public record Api(int anonymousPerMinute, java.util.List<String> trustedProxies) {
    }

    /** The SPARQL endpoint: a query is stopped after {@code timeoutSeconds}; at most {@code maxResults} rows. */
    public record Sparql(int timeoutSeconds, int maxResults) {
    }

    /**
     * DOIs for digitized items ({@code kura doi}).
     *
     * @param prefix  the registrant prefix assigned by the registration agency (10.NNNN); empty: no DOIs are minted
     * @param pattern the suffix pattern, with {item}, {provider}, {yyyy}, {seq}
     * @param jalc    what JaLC assigned the depositor, for JaLC deposit XML
     */
    public record Doi(String prefix, String pattern, Jalc jalc) {
        public boolean enabled() {
            return prefix != null && !prefix.isBlank();
        }
    }

    /** The Japan Link Center's site id ({@code SI/…}) and content classification (02: books and reports). */
    public record Jalc(String siteId, String contentClassification) {
    }
}
