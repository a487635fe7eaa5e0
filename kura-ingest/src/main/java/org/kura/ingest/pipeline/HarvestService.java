package org.kura.ingest.pipeline;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.Checkpoint;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.Page;
import org.kura.catalog.PageResult;
import org.kura.catalog.QuarantineEntry;
import org.kura.ingest.crosswalk.Crosswalk;
import org.kura.ingest.crosswalk.Crosswalks;
import org.kura.ingest.oai.Granularity;
import org.kura.ingest.oai.Identify;
import org.kura.ingest.oai.ListRecordsResponse;
import org.kura.ingest.oai.OaiClientSettings;
import org.kura.ingest.oai.OaiErrorCode;
import org.kura.ingest.oai.OaiPmhClient;
import org.kura.ingest.oai.OaiPmhException;
import org.kura.ingest.oai.OaiRecord;
import org.kura.model.Provider;
import org.kura.model.RawRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Harvests a provider over OAI-PMH 2.0 into the catalog: incrementally from the last harvest,
 * selectively by set, one page per transaction together with the checkpoint of the next resumption
 * token, so that a killed process resumes at the first page it had not committed.
 *
 * <p>Whatever happens, the run records it: provider errors, a bad or repeated resumption token,
 * transport failures after retries and malformed pages end the run FAILED with the reason, and keep
 * every page committed before. Records that cannot be used are quarantined with the reason.
 */
public final class HarvestService {
    private static final Logger LOG = LoggerFactory.getLogger(HarvestService.class);

    private final CatalogStore store;
    private final Crosswalks crosswalks;
    private final OaiClientSettings clientSettings;

    public HarvestService(CatalogStore store, Crosswalks crosswalks, OaiClientSettings clientSettings) {
        this.store = store;
        this.crosswalks = crosswalks;
        this.clientSettings = clientSettings;
    }

    /** Harvests and returns the finished run (COMPLETED or FAILED); throws only for a wrong request. */
    public HarvestRun harvest(String providerId, HarvestOptions options, ProgressListener listener)
            throws InterruptedException {
        Provider provider = store.provider(providerId)
                .orElseThrow(() -> new IllegalArgumentException("no provider " + providerId));
        if (provider.oaiEndpoint() == null || provider.oaiEndpoint().isBlank()) {
            throw new IllegalArgumentException("provider " + providerId + " has no OAI-PMH endpoint (use import for files)");
        }
        Crosswalk crosswalk = crosswalks.forFormat(provider.metadataPrefix()).orElseThrow(() ->
                new IllegalArgumentException("no crosswalk for metadata prefix " + provider.metadataPrefix()));
        Checkpoint checkpoint = options.full() ? null : store.checkpoint(providerId).orElse(null);
        Instant from = options.full() ? null
                : checkpoint != null ? checkpoint.from() : store.harvestedUntil(providerId).orElse(null);
        List<String> sets = !options.sets().isEmpty() ? options.sets()
                : provider.sets().isEmpty() ? java.util.Collections.singletonList(null) : provider.sets();
        String detail = (options.full() ? "full" : from == null ? "first" : "incremental from " + from)
                + (checkpoint != null ? ", resuming run " + checkpoint.runId() : "")
                + (sets.get(0) == null ? "" : ", sets " + sets);
        HarvestRun run = store.startExclusiveRun(providerId, HarvestRun.Kind.HARVEST, detail);
        Job job = new Job(run, provider, new RecordProcessor(provider, crosswalk), listener);
        try {
            job.harvest(URI.create(provider.oaiEndpoint()), sets, from, checkpoint);
            store.clearCheckpoint(providerId);
            if (job.until != null) {
                store.setHarvestedUntil(providerId, job.until);
            }
            store.finishRun(run.id(), HarvestRun.State.COMPLETED, null);
        } catch (OaiPmhException e) {
            if (e.code() == OaiErrorCode.badResumptionToken) {
                store.clearCheckpoint(providerId); // the next harvest restarts the list; stored pages stay
            }
            LOG.warn("harvest of {} (run {}) failed: {}", providerId, run.id(), e.getMessage());
            store.finishRun(run.id(), HarvestRun.State.FAILED, e.getMessage());
        } catch (InterruptedException e) {
            store.finishRun(run.id(), HarvestRun.State.INTERRUPTED, "interrupted; the next harvest resumes from the checkpoint");
            throw e;
        } catch (RuntimeException e) {
            LOG.error("harvest of {} (run {}) failed", providerId, run.id(), e);
            store.finishRun(run.id(), HarvestRun.State.FAILED, e.toString());
        }
        return store.run(run.id()).orElseThrow();
    }

    /** The state of one harvest. */
    private final class Job {
        private final HarvestRun run;
        private final Provider provider;
        private final RecordProcessor processor;
        private final ProgressListener listener;
        private final OaiPmhClient client = new OaiPmhClient(clientSettings);
        private final Set<String> tokensSeen = new HashSet<>();
        private Instant until;
        private long done;
        private long stored;
        private long quarantined;
        private Long expected;

        Job(HarvestRun run, Provider provider, RecordProcessor processor, ProgressListener listener) {
            this.run = run;
            this.provider = provider;
            this.processor = processor;
            this.listener = listener;
        }

        void harvest(URI base, List<String> sets, Instant from, Checkpoint checkpoint)
                throws OaiPmhException, InterruptedException {
            Identify identify = client.identify(base);
            Granularity granularity = identify.granularity();
            until = checkpoint != null ? checkpoint.until() : null;
            boolean resuming = checkpoint != null;
            ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "oai-prefetch-" + provider.id());
                t.setDaemon(true);
                return t;
            });
            try {
                for (String set : sets) {
                    if (resuming && !java.util.Objects.equals(set, checkpoint.set())) {
                        continue; // sets before the checkpoint's set are done
                    }
                    String token = resuming ? checkpoint.resumptionToken() : null;
                    resuming = false;
                    OaiPmhClient.Page page;
                    if (token == null) {
                        page = client.listRecords(base, provider.metadataPrefix(), from, null, set, granularity);
                        if (until == null && page.response() != null) {
                            until = page.response().responseDate();
                        }
                    } else {
                        tokensSeen.add(token);
                        page = client.resume(base, token);
                    }
                    list(base, page, from, set, prefetch);
                }
            } finally {
                prefetch.shutdownNow();
            }
        }

        /**
         * Follows one list to its end. The next page is fetched while the current one is crosswalked
         * and committed (still one request at a time); pages are committed strictly in order.
         */
        private void list(URI base, OaiPmhClient.Page first, Instant from, String set, ExecutorService prefetch)
                throws OaiPmhException, InterruptedException {
            OaiPmhClient.Page page = first;
            while (true) {
                String token = page.isMalformed() ? null : page.response().resumptionToken();
                boolean repeated = token != null && !tokensSeen.add(token);
                Future<OaiPmhClient.Page> next = token == null || repeated ? null : prefetch.submit(() -> client.resume(base, token));
                try {
                    apply(page, from, set);
                } catch (OaiPmhException | RuntimeException e) {
                    if (next != null) {
                        next.cancel(true);
                    }
                    throw e;
                }
                if (repeated) {
                    throw new OaiPmhException(OaiErrorCode.badResumptionToken,
                            "the provider repeated resumption token " + token + "; stopped to avoid a loop");
                }
                if (next == null) {
                    return;
                }
                try {
                    page = next.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof OaiPmhException o) {
                        throw o;
                    }
                    if (e.getCause() instanceof InterruptedException i) {
                        throw i;
                    }
                    throw new IllegalStateException("fetching the next page failed", e.getCause());
                }
            }
        }

        /** Commits one page with the checkpoint of its token; returns the token, or null at the end. */
        private String apply(OaiPmhClient.Page page, Instant from, String set) throws OaiPmhException {
            List<Page.Entry> entries = new ArrayList<>();
            ListRecordsResponse response = page.response();
            List<OaiRecord> records = page.isMalformed() ? page.malformed().recordsBefore() : response.records();
            for (OaiRecord r : records) {
                entries.add(entry(r));
            }
            if (page.isMalformed()) {
                entries.add(RecordProcessor.reject(null, provider.metadataPrefix(), page.malformedBody(),
                        QuarantineEntry.Stage.PARSE, "malformed page " + page.uri() + ": " + page.malformed().getMessage()));
                commit(entries, null);
                throw new OaiPmhException("malformed response from " + page.uri() + ": " + page.malformed().getMessage()
                        + " (the page is quarantined)", page.malformed());
            }
            if (response.completeListSize() != null && expected == null) {
                expected = response.completeListSize();
                store.updateRunExpected(run.id(), expected);
            }
            String next = response.resumptionToken();
            commit(entries, next == null ? null : new Checkpoint(run.id(), next, from, until, set, Instant.now()));
            return next;
        }

        private Page.Entry entry(OaiRecord r) {
            if (r.problem() != null) {
                return RecordProcessor.reject(r.identifier(), provider.metadataPrefix(), r.metadata(),
                        QuarantineEntry.Stage.PARSE, r.problem());
            }
            RawRecord raw = new RawRecord(provider.id(), r.identifier(), provider.metadataPrefix(), r.datestamp(),
                    r.deleted(), r.sets(), r.metadata());
            return processor.process(raw);
        }

        private void commit(List<Page.Entry> entries, Checkpoint checkpoint) {
            PageResult result = store.commit(new Page(run.id(), provider.id(), entries, checkpoint));
            done += result.received();
            stored += result.stored();
            quarantined += result.quarantined();
            listener.onProgress(new Progress(run.id(), provider.id(), "HARVEST", done, expected, stored, quarantined,
                    run.startedAt(), Instant.now()));
        }
    }
}
