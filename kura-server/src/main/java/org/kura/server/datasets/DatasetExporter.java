package org.kura.server.datasets;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.RecordJson;
import org.kura.catalog.StoredRecord;
import org.kura.model.Provider;
import org.kura.model.ReuseCondition;

/**
 * Writes the bulk datasets: full dumps of every live record and incremental dumps of what changed
 * since a time (deletions included), each gzipped, with its count, size, SHA-256, licence and date
 * in {@code datasets.json}. Records stream from the catalog one at a time, so memory does not grow
 * with the catalog; a dump is written to a temporary file and moved into place when complete, so
 * that a half-written file is never published.
 */
public final class DatasetExporter {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = RecordJson.mapper();
    public static final String MANIFEST = "datasets.json";

    private final CatalogStore store;
    private final Path dir;

    public DatasetExporter(CatalogStore store, Path dir) {
        this.store = store;
        this.dir = dir;
    }

    /**
     * Writes one dump.
     *
     * @param since    null for a full dump, else the start of an incremental one
     * @param licence  only records of providers whose metadata licence is this (null: all, licence per record)
     * @param progress told the number of records written so far, every 10,000
     */
    public Dataset export(DumpFormat format, Instant since, ReuseCondition licence, LongConsumer progress) throws IOException {
        Files.createDirectories(dir);
        Instant generated = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, ReuseCondition> licences = store.providers().stream()
                .filter(p -> licence == null || p.metadataLicence() == licence)
                .collect(Collectors.toMap(Provider::id, Provider::metadataLicence));
        String kind = since == null ? "full" : "incremental";
        String file = "kura-" + kind + (licence == null ? "" : "-" + licence.name().toLowerCase(java.util.Locale.ROOT))
                + "-" + STAMP.format(generated) + "." + format.name() + ".gz";
        Path tmp = Files.createTempFile(dir, ".writing-", ".tmp");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        java.util.concurrent.atomic.LongAdder records = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder deleted = new java.util.concurrent.atomic.LongAdder();
        Counting counting;
        try {
            counting = new Counting(new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16), sha));
            try (counting; Pipeline pipeline = new Pipeline(format, counting, licences, records, deleted, progress)) {
                java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
                format.writeHeader(header);
                if (header.size() > 0) {
                    counting.write(Pipeline.gzip(header.toByteArray(), format.compressionLevel()));
                }
                if (since == null) {
                    store.forEachCurrent(null, pipeline::accept);
                } else {
                    CatalogStore.DatestampKey after = null;
                    while (true) {
                        List<StoredRecord> page = store.recordsByDatestamp(null, since, generated, after, 1000);
                        page.forEach(pipeline::accept);
                        if (page.size() < 1000) {
                            break;
                        }
                        after = CatalogStore.DatestampKey.of(page.get(page.size() - 1));
                    }
                }
                pipeline.finish();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.move(tmp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        long[] counts = {records.sum(), deleted.sum()};
        String licenceText = licence != null ? licence.uri()
                : licences.values().stream().distinct().count() == 1 ? licences.values().iterator().next().uri() : "mixed";
        Dataset d = new Dataset(file, kind, format.name(), format.mediaType(), counts[0], counts[1], counting.count,
                HexFormat.of().formatHex(sha.digest()), licenceText, generated, since);
        publish(d);
        return d;
    }

    /**
     * Renders and compresses batches of records on worker threads (one per core) while the catalog is
     * read, and writes them in catalog order. Each batch is one gzip member; a file of several members
     * is one gzip stream to every reader (RFC 1952, as pigz writes), so compression runs in parallel
     * too. At most a few batches are in memory at once.
     */
    private static final class Pipeline implements AutoCloseable {
        private static final int BATCH = 500;
        private final DumpFormat format;
        private final java.io.OutputStream out;
        private final Map<String, ReuseCondition> licences;
        private final java.util.concurrent.atomic.LongAdder records;
        private final java.util.concurrent.atomic.LongAdder deleted;
        private final LongConsumer progress;
        private final java.util.concurrent.ExecutorService workers;
        private final int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private final java.util.ArrayDeque<java.util.concurrent.Future<byte[]>> pending = new java.util.ArrayDeque<>();
        private List<StoredRecord> batch = new java.util.ArrayList<>(BATCH);
        private long reported;

        Pipeline(DumpFormat format, java.io.OutputStream out, Map<String, ReuseCondition> licences,
                 java.util.concurrent.atomic.LongAdder records, java.util.concurrent.atomic.LongAdder deleted, LongConsumer progress) {
            this.format = format;
            this.out = out;
            this.licences = licences;
            this.records = records;
            this.deleted = deleted;
            this.progress = progress;
            this.workers = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "kura-export");
                t.setDaemon(true);
                return t;
            });
        }

        void accept(StoredRecord r) {
            batch.add(r);
            if (batch.size() == BATCH) {
                submit();
            }
        }

        private void submit() {
            List<StoredRecord> b = batch;
            batch = new java.util.ArrayList<>(BATCH);
            pending.add(workers.submit(() -> render(b)));
            while (pending.size() > threads * 2) {
                writeOldest();
            }
        }

        static byte[] gzip(byte[] bytes, int level) throws IOException {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 4 + 64);
            try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
                {
                    def.setLevel(level);
                }
            }) {
                gz.write(bytes);
            }
            return out.toByteArray();
        }

        private byte[] render(List<StoredRecord> b) throws IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(BATCH * 1024);
            try (DumpFormat.Writer w = format.open(bytes)) {
                for (StoredRecord r : b) {
                    ReuseCondition licence = licences.get(r.providerId());
                    boolean gone = r.deleted() || r.normalized() == null;
                    if (licence == null && !gone) {
                        continue; // a provider outside the requested licence
                    }
                    if (w.write(r, licence == null ? ReuseCondition.UNKNOWN : licence)) {
                        records.increment();
                        if (gone) {
                            deleted.increment();
                        }
                    }
                }
            }
            return bytes.size() == 0 ? new byte[0] : gzip(bytes.toByteArray(), format.compressionLevel());
        }

        private void writeOldest() {
            try {
                out.write(pending.poll().get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new IOException("interrupted", e));
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                throw c instanceof RuntimeException re ? re : new UncheckedIOException(new IOException(c.getMessage(), c));
            }
            long n = records.sum();
            if (n / 10_000 > reported / 10_000) {
                reported = n;
                progress.accept(n);
            }
        }

        void finish() {
            if (!batch.isEmpty()) {
                submit();
            }
            while (!pending.isEmpty()) {
                writeOldest();
            }
        }

        @Override
        public void close() {
            workers.shutdownNow();
        }
    }

    /** The published datasets, newest first. */
    public List<Dataset> list() {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.exists(manifest)) {
            return List.of();
        }
        try {
            return JSON.readValue(manifest.toFile(), new TypeReference<List<Dataset>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest, e);
        }
    }

    /** The file of a published dataset, or null when there is none by that name. */
    public Path file(String name) {
        for (Dataset d : list()) {
            if (d.file().equals(name)) {
                return dir.resolve(d.file());
            }
        }
        return null;
    }

    private synchronized void publish(Dataset d) throws IOException {
        List<Dataset> all = new ArrayList<>();
        all.add(d);
        for (Dataset old : list()) {
            if (!old.file().equals(d.file())) {
                all.add(old);
            }
        }
        Path tmp = Files.createTempFile(dir, ".manifest-", ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Counts bytes on their way to the file. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
