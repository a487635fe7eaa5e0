package org.kura.fulltext.ocr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCR with the Tesseract command ({@code apt-get install tesseract-ocr tesseract-ocr-jpn tesseract-ocr-jpn-vert}),
 * one process per page: {@code tesseract <image> stdout -l <languages> --psm 3 hocr}, with
 * {@code OMP_THREAD_LIMIT=1} so that pages run side by side instead of each spreading over every core.
 * At most {@link #parallelism()} processes run at once, however many threads ask.
 *
 * <p>Page segmentation: automatic (psm 3) for every page, since it finds the blocks of a page with
 * two tiers of vertical lines (nidan-gumi), a running head and a page number, and reads vertical lines
 * with the {@code jpn_vert} model when that is among the languages. Treating a vertical page as one
 * block (psm 5) mixes the lines of both tiers, so it is only a second try: with the vertical hint, a
 * page on which automatic segmentation found no words at all (it does so on sparse pages of a few
 * short columns) is read again as one block of vertical lines, within what is left of the timeout.
 */
public final class TesseractEngine implements OcrEngine {
    /** The command looked up on the {@code PATH}. */
    public static final String DEFAULT_COMMAND = "tesseract";
    /** The most hOCR kept for one page; a page producing more fails with {@link OcrException.Kind#OUTPUT_TOO_LARGE}. */
    public static final long DEFAULT_MAX_OUTPUT = 64L * 1024 * 1024;
    static final int MAX_ERROR_OUTPUT = 64 * 1024;
    static final int PSM_AUTO = 3;
    static final int PSM_VERTICAL_BLOCK = 5;

    private static final Logger LOG = LoggerFactory.getLogger(TesseractEngine.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> ENV = Map.of("OMP_THREAD_LIMIT", "1");
    private static final Pattern VERSION = Pattern.compile("tesseract\\s+v?(\\S+)", Pattern.CASE_INSENSITIVE);

    private final String command;
    private final int parallelism;
    private final long maxOutput;
    private final ProcessRunner runner;
    private final Semaphore slots;
    private final Object probeLock = new Object();
    private Probe probe;
    private Set<String> languages;

    private record Probe(String version, String problem) {}

    /** {@code tesseract} on the {@code PATH}, one process per available processor. */
    public TesseractEngine() {
        this(DEFAULT_COMMAND, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param command     the Tesseract command: a name looked up on the {@code PATH} or a path
     * @param parallelism how many pages at most are recognized at once
     */
    public TesseractEngine(String command, int parallelism) {
        this(command, parallelism, DEFAULT_MAX_OUTPUT);
    }

    /**
     * @param command        the Tesseract command: a name looked up on the {@code PATH} or a path
     * @param parallelism    how many pages at most are recognized at once
     * @param maxOutputBytes the most hOCR kept for one page
     */
    public TesseractEngine(String command, int parallelism, long maxOutputBytes) {
        if (Objects.requireNonNull(command, "command").isBlank()) {
            throw new IllegalArgumentException("no Tesseract command");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism is at least 1: " + parallelism);
        }
        this.command = command;
        this.parallelism = parallelism;
        this.maxOutput = maxOutputBytes;
        this.runner = new ProcessRunner(maxOutputBytes, MAX_ERROR_OUTPUT);
        this.slots = new Semaphore(parallelism, true);
    }

    @Override
    public String name() {
        return "tesseract";
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public boolean available() {
        return probe().version() != null;
    }

    @Override
    public String version() {
        Probe p = probe();
        if (p.version() == null) {
            throw new OcrException(OcrException.Kind.NOT_INSTALLED, p.problem());
        }
        return p.version();
    }

    /**
     * The installed language models ({@code eng}, {@code jpn}, {@code jpn_vert}, {@code osd}), asked once.
     *
     * @throws OcrException {@link OcrException.Kind#NOT_INSTALLED} when Tesseract is not installed
     */
    public Set<String> languages() {
        synchronized (probeLock) {
            if (languages == null) {
                ProcessRunner.Outcome o = probeRun("--list-langs");
                if (o.ending() != ProcessRunner.Ending.EXITED || o.exitCode() != 0) {
                    throw new OcrException(OcrException.Kind.NOT_INSTALLED, "'" + command + " --list-langs' failed"
                            + TesseractFailures.tail(o.stderr()));
                }
                languages = parseLanguages(answer(o));
            }
            return languages;
        }
    }

    @Override
    public OcrResult recognize(Path image, OcrRequest request) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(request, "request");
        ImageFormats.check(image);
        requireLanguages(request.languages());
        Path file = image.toAbsolutePath(); // never taken for an option
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            throw cancelled(image, e);
        }
        try {
            long deadline = System.nanoTime() + request.timeout().toNanos();
            ProcessRunner.Outcome first = page(file, request, PSM_AUTO, request.timeout());
            if (!request.vertical() || hasWords(first.stdout())) {
                return new OcrResult("hocr", first.stdout(), first.took());
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero()) {
                return new OcrResult("hocr", first.stdout(), first.took());
            }
            LOG.debug("no words in {} with automatic segmentation; reading it as one vertical block", file);
            ProcessRunner.Outcome second = page(file, request, PSM_VERTICAL_BLOCK, left);
            return new OcrResult("hocr", second.stdout(), first.took().plus(second.took()));
        } finally {
            slots.release();
        }
    }

    /** The command line for one page. */
    List<String> commandLine(Path image, String languages, int psm) {
        return List.of(command, image.toString(), "stdout", "-l", languages, "--psm", Integer.toString(psm), "hocr");
    }

    private ProcessRunner.Outcome page(Path image, OcrRequest request, int psm, Duration timeout) {
        ProcessRunner.Outcome o;
        try {
            o = runner.run(commandLine(image, request.languages(), psm), ENV, timeout);
        } catch (IOException e) {
            throw notStarted(e);
        } catch (InterruptedException e) {
            throw cancelled(image, e);
        }
        LOG.debug("tesseract {} -l {} --psm {}: {} ms, {}", image.getFileName(), request.languages(), psm,
                o.took().toMillis(), o.ending() == ProcessRunner.Ending.EXITED ? "exit " + o.exitCode() : o.ending());
        if (o.ending() != ProcessRunner.Ending.EXITED || o.exitCode() != 0) {
            throw TesseractFailures.of(o, image, timeout, maxOutput);
        }
        return o;
    }

    private void requireLanguages(String requested) {
        Set<String> installed = languages();
        List<String> missing = new ArrayList<>();
        for (String l : requested.split("\\+")) {
            if (!installed.contains(l)) {
                missing.add(l);
            }
        }
        if (!missing.isEmpty()) {
            List<String> packages = missing.stream().map(l -> "tesseract-ocr-" + l.toLowerCase().replace('_', '-')).toList();
            throw new OcrException(OcrException.Kind.NOT_INSTALLED, "Tesseract has no language " + String.join(", ", missing)
                    + " (installed: " + String.join(", ", installed) + "); on Debian: apt-get install " + String.join(" ", packages));
        }
    }

    private Probe probe() {
        synchronized (probeLock) {
            if (probe == null) {
                probe = askVersion();
                if (probe.version() == null) {
                    LOG.info("Tesseract is not available: {}", probe.problem());
                }
            }
            return probe;
        }
    }

    private Probe askVersion() {
        ProcessRunner.Outcome o;
        try {
            o = probeRun("--version");
        } catch (OcrException e) {
            return new Probe(null, e.getMessage());
        }
        if (o.ending() != ProcessRunner.Ending.EXITED || o.exitCode() != 0) {
            return new Probe(null, "'" + command + " --version' failed" + TesseractFailures.tail(o.stderr()));
        }
        Matcher m = VERSION.matcher(answer(o));
        return m.find() ? new Probe(m.group(1), null)
                : new Probe(null, "'" + command + " --version' does not say a Tesseract version" + TesseractFailures.tail(answer(o)));
    }

    private ProcessRunner.Outcome probeRun(String option) {
        try {
            return runner.run(List.of(command, option), ENV, PROBE_TIMEOUT);
        } catch (IOException e) {
            throw notStarted(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while asking " + command + " " + option);
        }
    }

    /** What a probe said: older versions answer on the error output. */
    private static String answer(ProcessRunner.Outcome o) {
        String out = new String(o.stdout(), StandardCharsets.UTF_8);
        return out.isBlank() ? o.stderr() : out;
    }

    static Set<String> parseLanguages(String listing) {
        Set<String> out = new TreeSet<>();
        for (String line : listing.split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("List of available languages") && !l.contains(" ")) {
                out.add(l);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    /** True when the hOCR has a word (the head names {@code ocrx_word} among its capabilities, unquoted). */
    private static boolean hasWords(byte[] hocr) {
        String s = new String(hocr, StandardCharsets.ISO_8859_1);
        return s.contains("'ocrx_word'") || s.contains("\"ocrx_word\"");
    }

    private OcrException notStarted(IOException e) {
        String m = String.valueOf(e.getMessage());
        boolean missing = m.contains("error=2,") || m.contains("error=13,") || m.contains("No such file");
        return missing
                ? new OcrException(OcrException.Kind.NOT_INSTALLED, "Tesseract is not installed: cannot run '" + command
                        + "' (" + m + "); on Debian: apt-get install tesseract-ocr tesseract-ocr-jpn tesseract-ocr-jpn-vert", e)
                : new OcrException(OcrException.Kind.IO, "cannot start '" + command + "': " + m, e);
    }

    private static CancellationException cancelled(Path image, InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException c = new CancellationException("OCR of " + image.getFileName() + " was cancelled");
        c.initCause(e);
        return c;
    }

    @Override
    public String toString() {
        return "tesseract (" + command + ", " + parallelism + " at once)";
    }
}
