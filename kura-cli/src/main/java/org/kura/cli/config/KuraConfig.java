package org.kura.cli.config;

import java.nio.file.Path;

/**
 * Kura's effective configuration, built once by {@link ConfigLoader} from the defaults, the
 * configuration file and {@code KURA_…} environment variables, then passed down by constructors.
 */
public record KuraConfig(String data, Catalog catalog, Search search, Server server, Harvest harvest, Oai oai, Api api, Sparql sparql,
                         Portal portal, Storage storage, Doi doi) {

    public Path dataDir() {
        return Path.of(data).toAbsolutePath().normalize();
    }

    /** The same configuration with digitized items on the file system (the demo never writes into a bucket). */
    public KuraConfig withFileSystemStorage() {
        return new KuraConfig(data, catalog, search, server, harvest, oai, api, sparql, portal,
                new Storage(Storage.FILE_SYSTEM, storage.s3(), storage.sourceCacheMb()), doi);
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

    /**
     * The readers' portal.
     *
     * @param mapTileUrl         an http(s) tile URL template ({z}/{x}/{y}) the maps show over their bundled base map,
     *                           e.g. the GSI's; empty (the default): no tile server is asked for anything
     * @param mapTileAttribution the attribution the tile provider requires
     */
    public record Portal(String mapTileUrl, String mapTileAttribution) {
    }

    /** The SPARQL endpoint: a query is stopped after {@code timeoutSeconds}; at most {@code maxResults} rows. */
    public record Sparql(int timeoutSeconds, int maxResults) {
    }

    /**
     * Where digitized items are kept: an OCFL storage root under {@code <data>/ocfl} ({@code ocfl-fs}) or
     * the same layout in a bucket of an S3-compatible service ({@code ocfl-s3}).
     *
     * @param sourceCacheMb bound of the local copies of page images that IIIF reads from a remote store
     */
    public record Storage(String backend, S3 s3, long sourceCacheMb) {
        public static final String FILE_SYSTEM = "ocfl-fs";
        public static final String S3 = "ocfl-s3";

        public boolean onS3() {
            return S3.equalsIgnoreCase(backend == null ? "" : backend.strip());
        }
    }

    /**
     * The bucket for {@code ocfl-s3}. The secret is never inline: {@code secretAccessKeyEnv} names an
     * environment variable that holds it, or {@code secretAccessKeyFile} a file; with no access key id,
     * the AWS SDK's default credentials chain is used.
     */
    public record S3(String endpoint, String region, String bucket, String prefix, boolean pathStyle, String accessKeyId,
                     String secretAccessKeyEnv, String secretAccessKeyFile, int connectTimeoutSeconds, int readTimeoutSeconds) {
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
