package org.kura.ingest.pipeline;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.HarvestRun;
import org.kura.catalog.Page;
import org.kura.catalog.PageResult;
import org.kura.catalog.QuarantineEntry;
import org.kura.ingest.crosswalk.Crosswalk;
import org.kura.ingest.crosswalk.Crosswalks;
import org.kura.ingest.source.RecordSource;
import org.kura.ingest.source.SourceItem;
import org.kura.model.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a bulk file (through a {@link RecordSource}) into the catalog, a page at a time, with the
 * same idempotency, quarantine and counts as a harvest. Also re-crosswalks stored raw records.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final CatalogStore store;
    private final Crosswalks crosswalks;
    private final int pageSize;

    public ImportService(CatalogStore store, Crosswalks crosswalks, int pageSize) {
        this.store = store;
        this.crosswalks = crosswalks;
        this.pageSize = Math.max(1, pageSize);
    }

    /**
     * @param format the format of the file's records (oai_dc, dcndl, jpcoar, marcxml, marc21, csv)
     * @param detail what is imported (e.g. the file name), kept on the run
     */
    public HarvestRun importFrom(String providerId, String format, RecordSource source, String detail,
                                 ProgressListener listener) {
        Provider provider = provider(providerId);
        Crosswalk crosswalk = crosswalk(format);
        HarvestRun run = store.startRun(providerId, HarvestRun.Kind.IMPORT, detail);
        Batch batch = new Batch(run, provider, "IMPORT", source.expectedCount() >= 0 ? source.expectedCount() : null, listener);
        RecordProcessor processor = new RecordProcessor(provider, crosswalk);
        try (source) {
            for (SourceItem item : source) {
                if (item instanceof SourceItem.Read read) {
                    batch.add(processor.process(read.raw()));
                } else if (item instanceof SourceItem.Unreadable bad) {
                    batch.add(RecordProcessor.reject(bad.identifier(), format, bad.bytes(), QuarantineEntry.Stage.PARSE,
                            bad.reason()));
                }
            }
            batch.flush();
            store.finishRun(run.id(), HarvestRun.State.COMPLETED, null);
        } catch (IOException | RuntimeException e) {
            batch.flushQuietly();
            LOG.warn("import into {} (run {}) failed: {}", providerId, run.id(), e.toString());
            store.finishRun(run.id(), HarvestRun.State.FAILED, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        return store.run(run.id()).orElseThrow();
    }

    /** Rebuilds the normalized records of a provider from its stored raw records, without the network. */
    public HarvestRun recrosswalk(String providerId, ProgressListener listener) {
        Provider provider = provider(providerId);
        HarvestRun run = store.startRun(providerId, HarvestRun.Kind.RECROSSWALK, "from stored raw records");
        Batch batch = new Batch(run, provider, "RECROSSWALK", store.countRecords(providerId, false), listener);
        try {
            store.forEachRaw(providerId, raw -> {
                Crosswalk crosswalk = crosswalk(raw.metadataPrefix());
                batch.add(new RecordProcessor(provider, crosswalk).process(raw));
            });
            batch.flush();
            store.finishRun(run.id(), HarvestRun.State.COMPLETED, null);
        } catch (RuntimeException e) {
            batch.flushQuietly();
            store.finishRun(run.id(), HarvestRun.State.FAILED, e.toString());
        }
        return store.run(run.id()).orElseThrow();
    }

    private Provider provider(String providerId) {
        return store.provider(providerId).orElseThrow(() -> new IllegalArgumentException("no provider " + providerId
                + " (register it first: kura provider add --id " + providerId + " --name …)"));
    }

    private Crosswalk crosswalk(String format) {
        return crosswalks.forFormat(format)
                .orElseThrow(() -> new IllegalArgumentException("no crosswalk for format " + format));
    }

    /** Collects entries into pages of {@code pageSize} and commits them. */
    private final class Batch {
        private final HarvestRun run;
        private final Provider provider;
        private final String kind;
        private final Long expected;
        private final ProgressListener listener;
        private final List<Page.Entry> entries = new ArrayList<>();
        private long done;
        private long stored;
        private long quarantined;

        Batch(HarvestRun run, Provider provider, String kind, Long expected, ProgressListener listener) {
            this.run = run;
            this.provider = provider;
            this.kind = kind;
            this.expected = expected;
            this.listener = listener;
            if (expected != null) {
                store.updateRunExpected(run.id(), expected);
            }
        }

        void add(Page.Entry entry) {
            entries.add(entry);
            if (entries.size() >= pageSize) {
                flush();
            }
        }

        void flush() {
            if (entries.isEmpty()) {
                return;
            }
            PageResult r = store.commit(new Page(run.id(), provider.id(), entries, null));
            entries.clear();
            done += r.received();
            stored += r.stored();
            quarantined += r.quarantined();
            listener.onProgress(new Progress(run.id(), provider.id(), kind, done, expected, stored, quarantined,
                    run.startedAt(), Instant.now()));
        }

        void flushQuietly() {
            try {
                flush();
            } catch (RuntimeException e) {
                LOG.warn("could not commit the last page of run {}: {}", run.id(), e.toString());
            }
        }
    }
}
