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
    private org.kura.fulltext.TextStore textStore;
    private org.kura.fulltext.PageTextIndex textIndex;
    private org.kura.fulltext.SnippetGuard snippetGuard;
    private org.kura.server.access.ReaderSessions readerSessions;
    private org.kura.server.access.UsageLog usageLog;
    private java.util.concurrent.ScheduledExecutorService usageFlusher;
    private java.util.concurrent.ScheduledExecutorService indexFollower;
    private boolean following;

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
            try {
                catalog = CatalogStores.open(settings);
            } catch (RuntimeException e) {
                if (c.embedded() && openElsewhere(e)) {
                    throw new IllegalStateException("the catalog in " + dataDir().resolve("catalog") + " is open in another"
                            + " Kura process (a running `kura serve` or `kura demo`?): stop it first, or use that server's staff"
                            + " area (/admin) to harvest, retry or reindex", e);
                }
                throw e;
            }
            int abandoned = catalog.markAbandonedRuns();
            if (abandoned > 0) {
                LoggerFactory.getLogger(Wiring.class).warn("{} run(s) left RUNNING by a stopped process were marked "
                        + "INTERRUPTED; their next harvest resumes from the checkpoint", abandoned);
            }
        }
        return catalog;
    }

    /** True when H2 refused the embedded catalog because another process has it open (error 90020). */
    private static boolean openElsewhere(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getErrorCode() == 90020) {
                return true;
            }
        }
        return false;
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

    /**
     * The one thread that writes to the search index while the server runs: it follows the change log and runs
     * the staff area's full rebuilds, so the two never overlap.
     */
    public synchronized java.util.concurrent.ScheduledExecutorService indexingExecutor() {
        if (indexFollower == null) {
            indexFollower = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kura-index-follower");
                t.setDaemon(true);
                return t;
            });
        }
        return indexFollower;
    }

    /** Keeps the index in step with the catalog while the server runs (harvests appear in search). */
    public synchronized void followChangeLog(Duration every) {
        if (following) {
            return;
        }
        following = true;
        Indexer indexer = indexer();
        indexingExecutor();
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
                } catch (org.kura.catalog.RunConflictException e) {
                    // another process sharing the catalog is harvesting this provider
                    LoggerFactory.getLogger(Wiring.class).warn("harvest of {} not started: {}", providerId, e.getMessage());
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

    /** The portal map's tile layer from {@code portal.mapTileUrl} (none by default); a bad template stops the start. */
    private org.kura.server.portal.MapSettings mapSettings() {
        try {
            return new org.kura.server.portal.MapSettings(config.portal().mapTileUrl(), config.portal().mapTileAttribution());
        } catch (IllegalArgumentException e) {
            throw new org.kura.cli.config.ConfigException("portal.mapTileUrl: " + e.getMessage());
        }
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
        // 1 while the index was built with an earlier search configuration (kura index --full clears it)
        io.micrometer.core.instrument.Gauge.builder("kura_search_index_outdated", index, i -> i.builtWithOtherConfiguration() ? 1 : 0)
                .description("1 when the search index was built with an earlier configset and needs kura index --full")
                .register(metrics());
        org.kura.search.GeoSearch geo = new org.kura.search.GeoSearch(index);
        groups.add(new SearchRoutes(new Searcher(index), geo));
        Pages pages = new Pages(readerSessions(), mapSettings());
        Curation curation = new Curation(store);
        List<String> trusted = config.api().trustedProxies();
        // one resolver, so that a change staff make to institutions or terminals is seen by every route at once
        PrincipalResolver principals = new PrincipalResolver(store, adminToken(), trusted, readerSessions());
        groups.add(new PortalRoutes(pages, store, new Searcher(index), new SchemaOrgMapper(new UriScheme(baseUrl)), curation,
                new org.kura.server.portal.ItemAccess(new AccessPolicy(), principals)));
        groups.add(new org.kura.server.portal.ReaderRoutes(pages, readerSessions(), trusted));
        groups.add(new CuratedRoutes(pages, store, new Searcher(index), curation));
        groups.add(new org.kura.server.portal.MapRoutes(geo, curation));
        groups.add(new org.kura.server.portal.CollectionRoutes(curation, new Searcher(index)));
        AdminSessions staff = new AdminSessions(adminToken());
        groups.add(new AdminRoutes(pages, store, curation, staff, monitor, harvestLauncher(),
                new org.kura.server.portal.IndexRebuild(indexer(), index, indexingExecutor())));
        groups.add(new org.kura.server.portal.QuarantineAdminRoutes(pages, staff, store,
                new org.kura.ingest.pipeline.QuarantineRetry(store, crosswalks())));
        org.kura.server.staff.Registrations registry = new org.kura.server.staff.Registrations(store, principals, readerSessions(),
                new org.kura.server.staff.StaffLog());
        groups.add(new org.kura.server.portal.ReaderAdminRoutes(pages, staff, registry, trusted));
        groups.add(new org.kura.server.portal.InstitutionAdminRoutes(pages, staff, registry, trusted));
        groups.add(new org.kura.server.portal.TerminalAdminRoutes(pages, staff, registry, trusted));
        groups.add(new org.kura.server.portal.AccountRoutes(pages, readerSessions(), registry, new AccessPolicy(), trusted));
        groups.add(new org.kura.server.staff.RegistryApiRoutes(registry,
                p -> pages.messages().get(org.kura.server.portal.Lang.EN, p.key(), p.value() == null ? "" : p.value()), trusted));
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
        AccessAudit audit = new AccessAudit(store);
        org.kura.fulltext.TextStore texts = textStore();
        org.kura.server.access.ItemGate gate = new org.kura.server.access.ItemGate(store, new AccessPolicy(), principals, audit, trusted,
                usageLog());
        groups.add(new IiifRoutes(imageService(), objectStore(), store, gate, baseUrl,
                (item, base) -> texts.pageNumbers(item.id()).isEmpty() ? List.of()
                        : org.kura.fulltext.ContentSearch.services(base, item.id())));
        groups.add(new org.kura.server.UsageRoutes(store, usageLog()));
        groups.add(new org.kura.server.doi.DoiRoutes(store, doiDocuments(baseUrl)));
        org.kura.fulltext.FullTextSearch fullText = new org.kura.fulltext.FullTextSearch(textIndex(), snippetGuard());
        groups.add(new org.kura.server.fulltext.TextRoutes(fullText, new org.kura.fulltext.ContentSearch(textIndex(), texts), texts,
                imageService(), gate, textExports(), baseUrl, new org.kura.server.fulltext.MetadataScope(new Searcher(index))));
        groups.add(new org.kura.server.iiif.IiifAuthRoutes(gate, new org.kura.server.access.AuthTokens(java.time.Clock.systemUTC()), baseUrl));
        groups.add(new org.kura.server.iiif.IiifCollectionRoutes(store, curation, new org.kura.server.portal.CollectionMembership(curation,
                new Searcher(index)), gate, baseUrl));
        groups.add(new org.kura.server.fulltext.TextAdminRoutes(textIngester(), this::indexText));
        groups.add(new org.kura.server.portal.FullTextPageRoutes(pages, fullText, gate,
                new org.kura.server.fulltext.MetadataScope(new Searcher(index))));
        KuraConfig.Api api = config.api();
        return new KuraServer(new ServerSettings(s.host(), port, baseUrl, adminToken()), metrics(), groups)
                .apiAccess(new ApiAccess(new ApiAccess.Settings(api.anonymousPerMinute(), api.trustedProxies()), store))
                .errorPage(pages::renderError);
    }

    /**
     * The DOI minter under the configured prefix and pattern, or under {@code fallbackPrefix} when none is configured
     * (the demo's 10.99999); fails with the configuration key to set when there is neither.
     */
    public org.kura.lod.doi.DoiMinter doiMinter(String fallbackPrefix) {
        KuraConfig.Doi d = config.doi();
        String prefix = d.enabled() ? d.prefix().strip() : fallbackPrefix;
        if (prefix == null) {
            throw new org.kura.cli.config.ConfigException("doi.prefix is not set: put the prefix your registration agency "
                    + "assigned in kura.yaml (doi.prefix) or KURA_DOI_PREFIX");
        }
        return new org.kura.lod.doi.DoiMinter(catalog(), new org.kura.lod.doi.DoiPattern(prefix, d.pattern()),
                java.time.Clock.systemUTC());
    }

    /** DOIs' landing pages and registration XML, with links under {@code baseUrl}. */
    public org.kura.server.doi.DoiDocuments doiDocuments(String baseUrl) {
        KuraConfig.Jalc j = config.doi().jalc();
        return new org.kura.server.doi.DoiDocuments(catalog(), baseUrl,
                new org.kura.lod.doi.JalcXml(new org.kura.lod.doi.JalcSettings(j.siteId(), j.contentClassification())));
    }

    public synchronized PrometheusMeterRegistry metrics() {
        if (metrics == null) {
            metrics = KuraServer.newMetricsRegistry();
        }
        return metrics;
    }

    /**
     * The object store of digitized items: OCFL under {@code <data>/ocfl}, or in an S3 bucket
     * ({@code storage.backend: ocfl-s3}), which must be reachable when this is first asked for.
     */
    public synchronized ObjectStore objectStore() {
        if (objectStore == null) {
            objectStore = StorageWiring.objectStore(config.storage(), dataDir(), System.getenv());
        }
        return objectStore;
    }

    /**
     * IIIF images of items, with rendered derivatives cached under {@code <data>/cache/iiif} (1 GiB at
     * most) and, for a store on S3, local copies of the pages under {@code <data>/cache/sources}.
     */
    public synchronized ImageService imageService() {
        if (imageService == null) {
            org.kura.iiif.SourceCache copies = config.storage().onS3() ? new org.kura.iiif.SourceCache(
                    dataDir().resolve("cache").resolve("sources"), Math.max(1, config.storage().sourceCacheMb()) << 20) : null;
            imageService = new ImageService(objectStore(), ImageLimits.defaults(),
                    new DerivativeCache(dataDir().resolve("cache").resolve("iiif"), 1L << 30), copies);
        }
        return imageService;
    }

    /** The text of items, kept in their OCFL objects. */
    public synchronized org.kura.fulltext.TextStore textStore() {
        if (textStore == null) {
            textStore = new org.kura.fulltext.TextStore(objectStore(), dataDir().resolve("work").resolve("text"));
        }
        return textStore;
    }

    /**
     * The page-text index: embedded Solr under {@code <data>/solr-text}, or the collection
     * {@code <collection>_text} on the configured SolrCloud (routed by item, same configset).
     */
    public synchronized org.kura.fulltext.PageTextIndex textIndex() {
        if (textIndex == null) {
            KuraConfig.Search s = config.search();
            try {
                SearchBackend backend = s.embedded() ? new EmbeddedSolrBackend(dataDir().resolve("solr-text"), s.collection() + "_text")
                        : new SolrCloudBackend(s.zkHost(), s.collection() + "_text", s.shards(), s.replicas(), "item_id");
                textIndex = new org.kura.fulltext.PageTextIndex(backend);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the page-text index", e);
            }
        }
        return textIndex;
    }

    public org.kura.fulltext.TextIngester textIngester() {
        return new org.kura.fulltext.TextIngester(textStore(), new org.kura.fulltext.PageTextReaders());
    }

    /** The ids of every item in the catalog, in id order. */
    public List<String> allItemIds() {
        List<String> ids = new ArrayList<>();
        catalog().forEachItem(e -> ids.add(e.id()));
        return ids;
    }

    /**
     * Indexes an item's stored text from the CLI, or says how to have a running server do it when the server
     * holds the embedded index; returns the pages indexed, or -1 when it could not.
     */
    public int indexTextOrSay(String itemId) {
        try {
            return indexText(itemId);
        } catch (RuntimeException e) {
            System.err.println("the text is stored, but the page-text index could not be opened (" + e.getMessage() + ").");
            System.err.println("If a server runs on this data directory, have it index the text:  curl -X POST -H \"Authorization: Bearer "
                    + "$(cat " + dataDir().resolve("admin-token") + ")\" " + config.server().baseUrl() + "/api/admin/items/" + itemId
                    + "/text/index");
            return -1;
        }
    }

    /** Indexes an item's stored text with what the catalog says about the item, and commits. */
    public int indexText(String itemId) {
        int pages = indexTextWithoutCommit(itemId);
        textIndex().commit();
        return pages;
    }

    /** As {@link #indexText}, for many items in a row: the caller commits {@link #textIndex()} once at the end. */
    public int indexTextWithoutCommit(String itemId) {
        org.kura.catalog.ItemEntry e = catalog().item(itemId).orElse(null);
        org.kura.fulltext.PageTextIndex.ItemInfo info = new org.kura.fulltext.PageTextIndex.ItemInfo(itemId,
                e == null || e.providerId() == null ? null : e.providerId() + ":" + e.recordIdentifier(),
                e == null ? null : e.providerId(), e == null ? org.kura.model.AccessTier.WITHHELD : e.tier(),
                e == null ? itemId : e.title());
        return new org.kura.fulltext.TextIndexer(textStore(), textIndex()).indexWithoutCommit(info);
    }

    /** OCR of items with this engine, stored as their text. */
    public org.kura.fulltext.ItemOcr itemOcr(org.kura.fulltext.ocr.OcrEngine engine) {
        return new org.kura.fulltext.ItemOcr(objectStore(), textStore(), textIngester(), engine, dataDir().resolve("work").resolve("ocr"));
    }

    /**
     * Anonymized usage counts of digitized items (one per process), added to the catalog every minute and
     * when the process stops.
     */
    public synchronized org.kura.server.access.UsageLog usageLog() {
        if (usageLog == null) {
            usageLog = new org.kura.server.access.UsageLog(catalog(), java.time.Clock.systemUTC());
            usageFlusher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kura-usage");
                t.setDaemon(true);
                return t;
            });
            org.kura.server.access.UsageLog log = usageLog;
            usageFlusher.scheduleWithFixedDelay(() -> {
                try {
                    log.flush();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(Wiring.class).warn("usage counts not written yet: {}", e.getMessage());
                }
            }, 1, 1, java.util.concurrent.TimeUnit.MINUTES);
        }
        return usageLog;
    }

    /** Sessions of signed-in readers (one per process, shared by every route that asks who is there). */
    public synchronized org.kura.server.access.ReaderSessions readerSessions() {
        if (readerSessions == null) {
            readerSessions = new org.kura.server.access.ReaderSessions(catalog(), java.time.Clock.systemUTC());
        }
        return readerSessions;
    }

    /** Per-reader limits on passages of restricted items (one per process, shared by every request). */
    public synchronized org.kura.fulltext.SnippetGuard snippetGuard() {
        if (snippetGuard == null) {
            snippetGuard = new org.kura.fulltext.SnippetGuard(org.kura.fulltext.SnippetLimits.DEFAULT, java.time.Clock.systemUTC());
        }
        return snippetGuard;
    }

    /** Plain-text and EPUB 3 exports of an item's text, described from its catalog record. */
    public org.kura.server.fulltext.TextRoutes.TextExports textExports() {
        return new org.kura.server.fulltext.TextRoutes.TextExports() {
            @Override
            public void plain(String itemId, java.io.OutputStream out) throws IOException {
                new org.kura.fulltext.export.PlainTextExport().write(accessibleText(itemId), out);
            }

            @Override
            public void epub(String itemId, java.io.OutputStream out) throws IOException {
                new org.kura.fulltext.export.EpubExport().write(accessibleText(itemId), out);
            }
        };
    }

    private org.kura.fulltext.export.AccessibleText accessibleText(String itemId) {
        org.kura.fulltext.TextStore texts = textStore();
        org.kura.repository.Item item = ItemIngester.read(objectStore(), itemId);
        List<org.kura.fulltext.PageText> pages = texts.pages(itemId);
        String title = item.title() != null ? item.title() : itemId;
        List<String> creators = new ArrayList<>();
        String language = "ja";
        String date = null;
        String publisher = null;
        String rights = null;
        org.kura.catalog.ItemEntry e = catalog().item(itemId).orElse(null);
        if (e != null && e.providerId() != null) {
            var record = catalog().record(e.providerId(), e.recordIdentifier()).map(org.kura.catalog.StoredRecord::normalized).orElse(null);
            if (record != null) {
                title = record.mainTitle();
                record.agents().forEach(a -> creators.add(a.name()));
                if (!record.languages().isEmpty()) {
                    language = switch (record.languages().get(0).toLowerCase(java.util.Locale.ROOT)) {
                        case "jpn", "ja" -> "ja";
                        case "eng", "en" -> "en";
                        case "chi", "zho", "zh" -> "zh";
                        case "kor", "ko" -> "ko";
                        default -> "ja";
                    };
                }
                date = record.issued() == null ? null : record.issued().original();
                publisher = record.publishers().isEmpty() ? null : record.publishers().get(0).name();
                rights = record.rights().condition().labelJa() + " / " + record.rights().condition().labelEn();
            }
        }
        java.time.Instant modified = texts.report(itemId).flatMap(r -> r.status().stream().map(org.kura.fulltext.TextReport.PageStatus::at)
                .filter(java.util.Objects::nonNull).max(java.util.Comparator.naturalOrder())).orElse(java.time.Instant.EPOCH);
        List<String> labels = new ArrayList<>();
        for (org.kura.fulltext.PageText p : pages) {
            labels.add(p.page() <= item.pages().size() ? item.pages().get(p.page() - 1).label() : null);
        }
        return org.kura.fulltext.export.AccessibleText.of(itemId, title, language, creators, pages, modified)
                .withPageLabels(labels).withPublication(publisher, date, rights);
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
    public String secret(String name) {
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
        if (usageLog != null) {
            usageFlusher.shutdownNow();
            try {
                usageLog.flush();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Wiring.class).warn("usage counts lost at close: {}", e.getMessage());
            }
            usageLog = null;
        }
        if (harvestExecutor != null) {
            harvestExecutor.shutdownNow();
        }
        if (indexFollower != null) {
            indexFollower.shutdownNow();
            try {
                // a rebuild in progress stops at its next batch and discards its side index before the index closes
                indexFollower.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        if (textIndex != null) {
            try {
                textIndex.close();
            } catch (IOException e) {
                LoggerFactory.getLogger(Wiring.class).warn("closing the page-text index: {}", e.getMessage());
            }
            textIndex = null;
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
