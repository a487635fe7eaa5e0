package org.kura.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.cli.config.KuraConfig;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.kura.ingest.crosswalk.Crosswalks;
import org.kura.ingest.crosswalk.StandardCrosswalks;
import org.kura.ingest.oai.OaiClientSettings;
import org.kura.ingest.pipeline.HarvestMonitor;
import org.kura.ingest.pipeline.HarvestOptions;
import org.kura.ingest.pipeline.HarvestService;
import org.kura.ingest.pipeline.ImportService;
import org.kura.search.EmbeddedSolrBackend;
import org.kura.search.Indexer;
import org.kura.search.SearchBackend;
import org.kura.search.Searcher;
import org.kura.search.SolrCloudBackend;
import org.kura.repository.ItemIngester;
import org.kura.repository.ObjectStore;
import org.kura.repository.OcflObjectStore;
import org.kura.iiif.DerivativeCache;
import org.kura.iiif.ImageLimits;
import org.kura.iiif.ImageService;
import org.kura.lod.DcNdlMapper;
import org.kura.lod.SparqlStore;
import org.kura.lod.SchemaOrgMapper;
import org.kura.lod.UriScheme;
import org.kura.server.RecordFormat;
import org.kura.server.lod.DcNdlOaiFormat;
import org.kura.server.lod.NTriplesDumpFormat;
import org.kura.server.lod.RdfRecordFormat;
import org.kura.server.lod.SparqlRoutes;
import org.kura.server.opensearch.OpenSearchRoutes;
import org.kura.server.sru.SruRoutes;
import org.kura.server.ApiAccess;
import org.kura.server.access.AccessAudit;
import org.kura.server.access.AccessPolicy;
import org.kura.server.access.PrincipalResolver;
import org.kura.server.iiif.IiifRoutes;
import org.kura.server.LinkedDataRoutes;
import org.kura.server.OpenApiRoutes;
import org.kura.server.iiif.ChangeDiscoveryRoutes;
import org.kura.server.datasets.DatasetExporter;
import org.kura.server.datasets.DatasetRoutes;
import org.kura.server.datasets.DumpFormat;
import org.kura.server.datasets.JsonLinesFormat;
import org.kura.server.datasets.TsvFormat;
import org.kura.server.ApiKeyRoutes;
import org.kura.server.oai.JpcoarFormat;
import org.kura.server.oai.XmlRecordFormat;
import org.kura.server.oai.OaiDcFormat;
import org.kura.server.oai.OaiPmhRoutes;
import org.kura.server.SearchRoutes;
import org.kura.server.HarvestLauncher;
import org.kura.server.HarvestRoutes;
import org.slf4j.LoggerFactory;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kura.catalog.RecordJson;
import org.kura.server.HealthRoutes;
import org.kura.server.portal.AdminRoutes;
import org.kura.server.portal.AdminSessions;
import org.kura.server.portal.CuratedRoutes;
import org.kura.server.portal.Curation;
import org.kura.server.portal.Pages;
import org.kura.server.portal.PortalRoutes;
import org.kura.server.KuraServer;
import org.kura.server.ProviderRoutes;
import org.kura.server.RecordRoutes;
import org.kura.server.RouteGroup;
import org.kura.server.ServerSettings;

/**
 * The composition root: the one place that turns the configuration into objects, by constructors.
 * Commands ask it for what they need; parts are built on first use and closed with it.
 */
public final class Wiring implements AutoCloseable {
    private final KuraConfig config;
    private CatalogStore catalog;
    private PrometheusMeterRegistry metrics;
    private final HarvestMonitor monitor = new HarvestMonitor();
    private final StandardCrosswalks crosswalks = new StandardCrosswalks();
    private ExecutorService harvestExecutor;
    private SearchBackend search;
    private ObjectStore objectStore;
    private SparqlStore sparqlStore;
    private ImageService imageService;
    private java.util.concurrent.ScheduledExecutorService indexFollower;

    public Wiring(KuraConfig config) {
        this.config = config;
    }

    public KuraConfig config() {
        return config;
    }

    public Path dataDir() {
        Path dir = config.dataDir();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dir, e);
        }
        return dir;
    }

    /** The catalog; on first use, runs left RUNNING by a killed process are marked INTERRUPTED. */
    public synchronized CatalogStore catalog() {
        if (catalog == null) {
            KuraConfig.Catalog c = config.catalog();
            CatalogSettings settings = c.embedded()
                    ? CatalogSettings.h2(dataDir().resolve("catalog"))
                    : new CatalogSettings(c.url(), c.user(), c.password(), c.poolSize());
            catalog = CatalogStores.open(settings);
            int abandoned = catalog.markAbandonedRuns();
            if (abandoned > 0) {
                LoggerFactory.getLogger(Wiring.class).warn("{} run(s) left RUNNING by a stopped process were marked "
                        + "INTERRUPTED; their next harvest resumes from the checkpoint", abandoned);
            }
        }
        return catalog;
    }

    /** The search index: embedded Solr under {@code <data>/solr}, or the configured SolrCloud collection. */
    public synchronized SearchBackend search() {
        if (search == null) {
            KuraConfig.Search s = config.search();
            try {
                search = s.embedded() ? new EmbeddedSolrBackend(dataDir().resolve("solr"), s.collection())
                        : new SolrCloudBackend(s.zkHost(), s.collection(), s.shards(), s.replicas());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the search index", e);
            }
        }
        return search;
    }

    public Indexer indexer() {
        return new Indexer(catalog(), search());
    }

    /** Keeps the index in step with the catalog while the server runs (harvests appear in search). */
    public synchronized void followChangeLog(Duration every) {
        if (indexFollower != null) {
            return;
        }
        Indexer indexer = indexer();
        indexFollower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kura-index-follower");
            t.setDaemon(true);
            return t;
        });
        SparqlStore sparql = sparqlStore();
        CatalogStore store = catalog();
        indexFollower.scheduleWithFixedDelay(() -> {
            try {
                indexer.catchUp();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Wiring.class).warn("indexing failed; retrying: {}", e.getMessage());
            }
            try {
                sparql.catchUp(store);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Wiring.class).warn("updating the SPARQL store failed; retrying: {}", e.getMessage());
            }
        }, 0, every.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public Crosswalks crosswalks() {
        return crosswalks;
    }

    public HarvestMonitor monitor() {
        return monitor;
    }

    public OaiClientSettings oaiClientSettings() {
        KuraConfig.Harvest h = config.harvest();
        return new OaiClientSettings(h.userAgent(), Duration.ofSeconds(h.timeoutSeconds()), h.maxRetries(),
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMillis(h.politenessDelayMs()),
                h.maxResponseBytes(), h.maxRecordBytes());
    }

    public HarvestService harvestService() {
        return new HarvestService(catalog(), crosswalks, oaiClientSettings());
    }

    public ImportService importService() {
        return new ImportService(catalog(), crosswalks, config.harvest().importPageSize());
    }

    /** Starts harvests in the background for the admin API: one at a time per provider. */
    public synchronized HarvestLauncher harvestLauncher() {
        if (harvestExecutor == null) {
            harvestExecutor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "kura-harvest");
                t.setDaemon(true);
                return t;
            });
        }
        return providerId -> {
            org.kura.model.Provider p = catalog().provider(providerId)
                    .orElseThrow(() -> new IllegalArgumentException("no provider " + providerId));
            if (p.oaiEndpoint() == null) {
                throw new IllegalArgumentException("provider " + providerId + " has no OAI-PMH endpoint");
            }
            if (monitor.isRunning(providerId)) {
                throw new IllegalStateException("a harvest of " + providerId + " is already running");
            }
            harvestExecutor.submit(() -> {
                try {
                    harvestService().harvest(providerId, HarvestOptions.incremental(), monitor.listener());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(Wiring.class).error("harvest of {} failed", providerId, e);
                } finally {
                    monitor.live().stream().filter(x -> x.providerId().equals(providerId))
                            .forEach(x -> monitor.finished(x.runId()));
                }
            });
            return "harvest of " + providerId + " started";
        };
    }

    /** The HTTP server with every route group, not yet started. */
    public KuraServer server(int portOverride) {
        KuraConfig.Server s = config.server();
        int port = portOverride >= 0 ? portOverride : s.port();
        String baseUrl = portOverride >= 0 && s.baseUrl().equals("http://localhost:8080")
                ? "http://localhost:" + port : s.baseUrl();
        CatalogStore store = catalog();
        List<RouteGroup> groups = new ArrayList<>();
        SearchBackend index = search();
        groups.add(new HealthRoutes(Map.of("catalog", () -> store.lastChangeSeq() >= 0, "search", index::healthy)));
        groups.add(new SearchRoutes(new Searcher(index)));
        Pages pages = new Pages();
        Curation curation = new Curation(store);
        List<String> trusted = config.api().trustedProxies();
        groups.add(new PortalRoutes(pages, store, new Searcher(index), new SchemaOrgMapper(new UriScheme(baseUrl)), curation,
                new org.kura.server.portal.ItemAccess(new AccessPolicy(), new PrincipalResolver(store, adminToken(), trusted))));
        groups.add(new CuratedRoutes(pages, store, new Searcher(index), curation));
        groups.add(new org.kura.server.portal.CollectionRoutes(curation, new Searcher(index)));
        groups.add(new AdminRoutes(pages, store, curation, new AdminSessions(adminToken()), monitor, harvestLauncher()));
        DcNdlMapper dcndl = new DcNdlMapper(new UriScheme(baseUrl));
        List<RecordFormat> formats = new ArrayList<>(List.of(XmlRecordFormat.oaiDc(), XmlRecordFormat.jpcoar()));
        formats.addAll(RdfRecordFormat.all(dcndl));
        groups.add(new RecordRoutes(store, formats));
        groups.add(new SparqlRoutes(sparqlStore()));
        Searcher searcher = new Searcher(index);
        groups.add(new SruRoutes(searcher, store, baseUrl, Map.of("dcndl", new DcNdlOaiFormat(dcndl))));
        groups.add(new OpenSearchRoutes(searcher, baseUrl));
        groups.add(new ApiKeyRoutes(store));
        groups.add(new ProviderRoutes(store, RecordJson.mapper()));
        groups.add(new HarvestRoutes(store, monitor, harvestLauncher()));
        groups.add(oaiPmh(baseUrl, dcndl));
        groups.add(new DatasetRoutes(datasetExporter()));
        groups.add(new ChangeDiscoveryRoutes(store, baseUrl));
        groups.add(new LinkedDataRoutes());
        groups.add(new OpenApiRoutes(baseUrl));
        groups.add(new IiifRoutes(imageService(), objectStore(), store, new AccessPolicy(),
                new PrincipalResolver(store, adminToken(), trusted), new AccessAudit(store), baseUrl, trusted));
        KuraConfig.Api api = config.api();
        return new KuraServer(new ServerSettings(s.host(), port, baseUrl, adminToken()), metrics(), groups)
                .apiAccess(new ApiAccess(new ApiAccess.Settings(api.anonymousPerMinute(), api.trustedProxies()), store))
                .errorPage(pages::renderError);
    }

    public synchronized PrometheusMeterRegistry metrics() {
        if (metrics == null) {
            metrics = KuraServer.newMetricsRegistry();
        }
        return metrics;
    }

    /** The object store of digitized items: OCFL under {@code <data>/ocfl}. */
    public synchronized ObjectStore objectStore() {
        if (objectStore == null) {
            objectStore = new OcflObjectStore(dataDir().resolve("ocfl"), dataDir().resolve("work").resolve("ocfl"));
        }
        return objectStore;
    }

    /** IIIF images of items, with rendered derivatives cached under {@code <data>/cache/iiif} (1 GiB at most). */
    public synchronized ImageService imageService() {
        if (imageService == null) {
            imageService = new ImageService(objectStore(), ImageLimits.defaults(),
                    new DerivativeCache(dataDir().resolve("cache").resolve("iiif"), 1L << 30));
        }
        return imageService;
    }

    public ItemIngester itemIngester() {
        return new ItemIngester(objectStore(), dataDir().resolve("work").resolve("ingest"));
    }

    /** The SPARQL store under {@code <data>/sparql}. */
    public synchronized SparqlStore sparqlStore() {
        if (sparqlStore == null) {
            KuraConfig.Sparql q = config.sparql();
            sparqlStore = new SparqlStore(dataDir().resolve("sparql"), new UriScheme(config.server().baseUrl()),
                    q.timeoutSeconds() * 1000L, q.maxResults());
        }
        return sparqlStore;
    }

    /** The bulk datasets under {@code <data>/datasets}. */
    public DatasetExporter datasetExporter() {
        return new DatasetExporter(catalog(), dataDir().resolve("datasets"));
    }

    /** The formats of the bulk datasets. */
    public List<DumpFormat> dumpFormats() {
        return List.of(new JsonLinesFormat(), new TsvFormat(), new NTriplesDumpFormat(new UriScheme(config.server().baseUrl())));
    }

    /** The OAI-PMH provider over the catalog. */
    public OaiPmhRoutes oaiPmh(String baseUrl, DcNdlMapper dcndl) {
        KuraConfig.Oai o = config.oai();
        return new OaiPmhRoutes(catalog(), new OaiPmhRoutes.Settings(o.repositoryName(), baseUrl + "/oai", o.adminEmail(),
                o.repositoryIdentifier(), o.pageSize(), Duration.ofHours(o.tokenLifetimeHours()),
                HexFormat.of().parseHex(secret("oai-secret"))), List.of(new OaiDcFormat(), new JpcoarFormat(),
                new DcNdlOaiFormat(dcndl)), java.time.Clock.systemUTC(),
                new org.kura.server.portal.CollectionMembership(new org.kura.server.portal.Curation(catalog()), new Searcher(search())));
    }

    /** The admin token: configured, or generated once into {@code <data>/admin-token}. */
    public String adminToken() {
        String configured = config.server().adminToken();
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return secret("admin-token");
    }

    /** A random secret generated once into {@code <data>/<name>} (owner-readable only), as hex. */
    private String secret(String name) {
        Path file = dataDir().resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.writeString(file, token + "\n");
            try {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (harvestExecutor != null) {
            harvestExecutor.shutdownNow();
        }
        if (indexFollower != null) {
            indexFollower.shutdownNow();
            indexFollower = null;
        }
        if (search != null) {
            try {
                search.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(Wiring.class).warn("closing the search index: {}", e.getMessage());
            }
            search = null;
        }
        if (sparqlStore != null) {
            sparqlStore.close();
            sparqlStore = null;
        }
        if (objectStore != null) {
            objectStore.close();
            objectStore = null;
        }
        if (catalog != null) {
            catalog.close();
            catalog = null;
        }
    }
}
