package org.kura.ingest.oai;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OAI-PMH 2.0 harvesting client for one provider: one request at a time, a politeness pause
 * between requests, gzip, retries with exponential backoff on timeouts, I/O errors and 5xx (and the
 * provider's {@code Retry-After} on 503, capped), and bounded response sizes.
 * Not thread-safe: one client per harvest.
 */
public final class OaiPmhClient {
    private static final Logger LOG = LoggerFactory.getLogger(OaiPmhClient.class);

    /** Closes response streams that take longer than the timeout, so a hanging body cannot block a harvest. */
    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "oai-response-watchdog");
                t.setDaemon(true);
                return t;
            });

    private final HttpClient http;
    private final OaiClientSettings settings;
    private final OaiResponseParser parser;
    private final Sleeper sleeper;
    private long lastRequestNanos;
    private int requests;

    /** Waits; a seam so that tests of backoff do not sleep for real minutes. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public OaiPmhClient(OaiClientSettings settings) {
        this(settings, d -> Thread.sleep(d.toMillis()));
    }

    public OaiPmhClient(OaiClientSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.parser = new OaiResponseParser(settings.maxRecordBytes());
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Requests sent so far (retries included). */
    public int requests() {
        return requests;
    }

    public Identify identify(URI base) throws OaiPmhException, InterruptedException {
        URI uri = url(base, Map.of("verb", "Identify"));
        byte[] body = fetch(uri);
        try {
            return parser.parseIdentify(new ByteArrayInputStream(body));
        } catch (OaiResponseParser.MalformedResponseException e) {
            throw new OaiPmhException(uri + ": " + e.getMessage(), e);
        }
    }

    /** The formats the repository offers (OAI-PMH 2.0, section 4.4). */
    public java.util.List<OaiResponseParser.MetadataFormat> listMetadataFormats(URI base)
            throws OaiPmhException, InterruptedException {
        URI uri = url(base, Map.of("verb", "ListMetadataFormats"));
        try {
            return parser.parseMetadataFormats(new ByteArrayInputStream(fetch(uri)));
        } catch (OaiResponseParser.MalformedResponseException e) {
            throw new OaiPmhException(uri + ": " + e.getMessage(), e);
        }
    }

    /** Every set of the repository, following resumption tokens (section 4.6); empty without sets. */
    public java.util.List<OaiResponseParser.OaiSet> listSets(URI base) throws OaiPmhException, InterruptedException {
        java.util.List<OaiResponseParser.OaiSet> all = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", "ListSets");
        while (true) {
            URI uri = url(base, args);
            OaiResponseParser.SetsPage page;
            try {
                page = parser.parseSets(new ByteArrayInputStream(fetch(uri)));
            } catch (OaiPmhException e) {
                if (e.code() == OaiErrorCode.noSetHierarchy) {
                    return all;
                }
                throw e;
            } catch (OaiResponseParser.MalformedResponseException e) {
                throw new OaiPmhException(uri + ": " + e.getMessage(), e);
            }
            all.addAll(page.sets());
            if (page.resumptionToken() == null || !seen.add(page.resumptionToken())) {
                return all;
            }
            args = new LinkedHashMap<>();
            args.put("verb", "ListSets");
            args.put("resumptionToken", page.resumptionToken());
        }
    }

    /** The first page of a list; {@code from}, {@code until} and {@code set} may be null. */
    public Page listRecords(URI base, String prefix, Instant from, Instant until, String set, Granularity g)
            throws OaiPmhException, InterruptedException {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", "ListRecords");
        args.put("metadataPrefix", prefix);
        if (from != null) {
            args.put("from", g.format(from));
        }
        if (until != null) {
            args.put("until", g.format(until));
        }
        if (set != null) {
            args.put("set", set);
        }
        return page(url(base, args));
    }

    /** The next page of a list. */
    public Page resume(URI base, String resumptionToken) throws OaiPmhException, InterruptedException {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("verb", "ListRecords");
        args.put("resumptionToken", resumptionToken);
        return page(url(base, args));
    }

    /**
     * A fetched page: either parsed, or malformed with the bytes as received (for quarantine) and the
     * records read before the error.
     */
    public record Page(URI uri, ListRecordsResponse response, byte[] malformedBody,
                       OaiResponseParser.MalformedResponseException malformed) {
        public boolean isMalformed() {
            return malformed != null;
        }
    }

    private Page page(URI uri) throws OaiPmhException, InterruptedException {
        byte[] body = fetch(uri);
        try {
            return new Page(uri, parser.parseListRecords(new ByteArrayInputStream(body), body.length), null, null);
        } catch (OaiPmhException e) {
            if (e.code() == OaiErrorCode.noRecordsMatch) {
                return new Page(uri, new ListRecordsResponse(null, java.util.List.of(), null, 0L, body.length), null, null);
            }
            throw new OaiPmhException(e.code(), e.getMessage() + " (" + uri + ")");
        } catch (OaiResponseParser.MalformedResponseException e) {
            return new Page(uri, null, body, e);
        }
    }

    private byte[] fetch(URI uri) throws OaiPmhException, InterruptedException {
        OaiPmhException last = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            if (attempt > 0) {
                Duration wait = backoff(attempt, last);
                LOG.info("retrying {} in {} ms (attempt {} of {}): {}", uri, wait.toMillis(), attempt,
                        settings.maxRetries(), last.getMessage());
                sleeper.sleep(wait);
            }
            politeness();
            requests++;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                    .header("User-Agent", settings.userAgent()).header("Accept-Encoding", "gzip").GET().build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                last = new RetryableFailure(uri + ": " + describe(e), e, null);
                continue;
            } finally {
                lastRequestNanos = System.nanoTime();
            }
            int status = response.statusCode();
            if (status == 503 || status >= 500 || status == 429) {
                drain(response);
                last = new RetryableFailure(uri + ": HTTP " + status, null, retryAfter(response).orElse(null));
                continue;
            }
            if (status != 200) {
                drain(response);
                throw new OaiPmhException(uri + ": HTTP " + status, null);
            }
            ReadWatchdog watchdog = new ReadWatchdog(response.body(), settings.timeout());
            try {
                return readBounded(response);
            } catch (ResponseTooLarge e) {
                throw new OaiPmhException(uri + ": " + e.getMessage(), e);
            } catch (IOException e) {
                last = new RetryableFailure(uri + ": reading the response failed"
                        + (watchdog.fired() ? " (no complete response within " + settings.timeout().toSeconds() + " s)" : "")
                        + ": " + describe(e), e, null);
            } finally {
                watchdog.finish();
            }
        }
        throw new OaiPmhException("giving up after " + (settings.maxRetries() + 1) + " attempts: " + last.getMessage(), last);
    }

    /** A failure worth retrying, with the provider's Retry-After when it gave one. */
    private static final class RetryableFailure extends OaiPmhException {
        private final Duration retryAfter;

        RetryableFailure(String message, Throwable cause, Duration retryAfter) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }
    }

    private static final class ResponseTooLarge extends IOException {
        ResponseTooLarge(String message) {
            super(message);
        }
    }

    private Duration backoff(int attempt, OaiPmhException last) {
        if (last instanceof RetryableFailure r && r.retryAfter != null) {
            return r.retryAfter.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : r.retryAfter;
        }
        long ms = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 16);
        return Duration.ofMillis(Math.min(ms, settings.maxRetryAfter().toMillis()));
    }

    private void politeness() throws InterruptedException {
        if (lastRequestNanos == 0) {
            return;
        }
        long waitedNanos = System.nanoTime() - lastRequestNanos;
        long remaining = settings.politenessDelay().toNanos() - waitedNanos;
        if (remaining > 0) {
            sleeper.sleep(Duration.ofNanos(remaining));
        }
    }

    private byte[] readBounded(HttpResponse<InputStream> response) throws IOException {
        long limit = settings.maxResponseBytes();
        String encoding = response.headers().firstValue("Content-Encoding").orElse("");
        try (InputStream raw = response.body();
             InputStream in = encoding.equalsIgnoreCase("gzip") ? new GZIPInputStream(raw, 65536) : raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + (long) n > limit) {
                    throw new ResponseTooLarge("response larger than the limit of " + limit
                            + " bytes (harvest.maxResponseBytes); refused");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            String s = v.strip();
            if (s.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(s)));
            }
            try {
                ZonedDateTime at = ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(Instant.now(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    private static void drain(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.readNBytes(64 * 1024);
        } catch (IOException ignored) {
            // the status is what matters
        }
    }

    /**
     * Bounds the time a response body may take: when the timeout passes first, the body is closed
     * and the reading thread interrupted. {@link #finish()} settles the race with the reader, so that
     * no interrupt from this watchdog outlives the read (it would otherwise break the next backoff).
     */
    private static final class ReadWatchdog {
        private static final int READING = 0;
        private static final int FINISHED = 1;
        private static final int FIRED = 2;
        private final java.util.concurrent.atomic.AtomicInteger state = new java.util.concurrent.atomic.AtomicInteger(READING);
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.ScheduledFuture<?> task;

        ReadWatchdog(InputStream body, Duration timeout) {
            Thread reader = Thread.currentThread();
            task = WATCHDOG.schedule(() -> {
                if (state.compareAndSet(READING, FIRED)) {
                    try {
                        closeQuietly(body);
                        reader.interrupt();
                    } finally {
                        done.countDown();
                    }
                }
            }, timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        boolean fired() {
            return state.get() == FIRED;
        }

        /** Ends the read: cancels the watchdog, or, when it fired, waits for it and clears its interrupt. */
        void finish() {
            if (state.compareAndSet(READING, FINISHED)) {
                task.cancel(false);
                return;
            }
            boolean waited = false;
            while (!waited) {
                try {
                    done.await();
                    waited = true;
                } catch (InterruptedException e) {
                    // the watchdog's own interrupt; wait again
                }
            }
            Thread.interrupted();
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the reader sees the failure
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    static URI url(URI base, Map<String, String> args) {
        StringBuilder sb = new StringBuilder(base.toString());
        char sep = base.getRawQuery() == null ? '?' : '&';
        for (Map.Entry<String, String> a : args.entrySet()) {
            sb.append(sep).append(a.getKey()).append('=').append(URLEncoder.encode(a.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return URI.create(sb.toString());
    }
}
