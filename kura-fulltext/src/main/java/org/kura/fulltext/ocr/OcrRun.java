package org.kura.fulltext.ocr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognizes the pages of an item with one engine, {@link OcrEngine#parallelism()} pages at a time,
 * telling an {@link OcrProgress} after each page. A page that fails (or hangs until its timeout) is
 * recorded with why and the run goes on. Interrupting the thread running it cancels the run: pages
 * under way are stopped (their processes ended) and {@link InterruptedException} is thrown.
 *
 * <p>All results are kept in the {@link OcrSummary}; for items of many hundred pages, run it over
 * batches of pages and store each batch's results before the next.
 */
public final class OcrRun {
    private static final Logger LOG = LoggerFactory.getLogger(OcrRun.class);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final OcrEngine engine;

    public OcrRun(OcrEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Recognizes the pages, each with the same request.
     *
     * @throws InterruptedException when the calling thread is interrupted; pages under way were stopped
     */
    public OcrSummary run(List<OcrPage> pages, OcrRequest request, OcrProgress progress) throws InterruptedException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(progress, "progress");
        List<OcrPage> todo = List.copyOf(pages);
        long start = System.nanoTime();
        if (todo.isEmpty()) {
            return new OcrSummary(List.of(), List.of(), Duration.ZERO);
        }
        int run = RUNS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(engine.parallelism(), todo.size()), r -> {
            Thread t = new Thread(r, "ocr-run-" + run + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<OcrSummary.Recognized> recognized = new ArrayList<>();
        List<OcrSummary.Failed> failed = new ArrayList<>();
        try {
            CompletionService<OcrSummary.PageOutcome> done = new ExecutorCompletionService<>(pool);
            for (OcrPage p : todo) {
                done.submit(() -> one(p, request));
            }
            for (int i = 1; i <= todo.size(); i++) {
                OcrSummary.PageOutcome outcome = result(done);
                if (outcome instanceof OcrSummary.Recognized r) {
                    recognized.add(r);
                } else if (outcome instanceof OcrSummary.Failed f) {
                    failed.add(f);
                }
                tell(progress, i, todo.size(), failed.size(), start);
            }
        } finally {
            pool.shutdownNow(); // interrupts pages under way: their processes are ended
            if (!pool.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("OCR run {}: pages still under way {} s after the run ended", run, STOP_WAIT.toSeconds());
            }
        }
        recognized.sort(Comparator.comparingInt(OcrSummary.Recognized::page));
        failed.sort(Comparator.comparingInt(OcrSummary.Failed::page));
        return new OcrSummary(recognized, failed, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One page's outcome: never throws for the page's own failure. */
    private OcrSummary.PageOutcome one(OcrPage p, OcrRequest request) {
        try {
            return new OcrSummary.Recognized(p.page(), engine.recognize(p.image(), request));
        } catch (OcrException e) {
            LOG.debug("page {} ({}) failed: {}", p.page(), p.image(), e.getMessage());
            return new OcrSummary.Failed(p.page(), e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the run is being cancelled
            }
            LOG.warn("page {} ({}): the engine failed unexpectedly", p.page(), p.image(), e);
            return new OcrSummary.Failed(p.page(), OcrException.Kind.CRASHED, "the engine failed unexpectedly: " + e);
        }
    }

    private static OcrSummary.PageOutcome result(CompletionService<OcrSummary.PageOutcome> done) throws InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            // only a cancellation gets here, and the run's own thread is interrupted then
            throw new IllegalStateException("a page was cancelled while the run went on", e.getCause());
        }
    }

    private static void tell(OcrProgress progress, int done, int total, int failed, long start) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        double perMinute = perMinute(done, elapsed);
        Duration eta = done == total || perMinute <= 0 ? Duration.ZERO
                : Duration.ofMillis(Math.round((total - done) / perMinute * 60_000));
        try {
            progress.page(done, total, failed, perMinute, eta);
        } catch (RuntimeException e) {
            LOG.warn("the OCR progress listener failed; the run goes on", e);
        }
    }

    static double perMinute(int pages, Duration took) {
        double minutes = took.toNanos() / 60e9;
        return minutes <= 0 ? 0 : pages / minutes;
    }
}
