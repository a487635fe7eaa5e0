package org.kura.fulltext.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kura.fulltext.ocr.FakeTesseract.q;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's handling of its processes, with real processes: shell scripts standing in for a
 * Tesseract that hangs, fails, crashes, floods its output or is not there.
 */
class TesseractProcessTest {
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final long GENEROUS_MS = 15_000;

    @TempDir
    Path dir;
    Path page;

    @BeforeEach
    void page() {
        page = PageImages.blankPng(dir.resolve("page.png"));
    }

    @Test
    void aHangingPageTimesOutAndItsProcessesAreGone() throws Exception {
        Path pid = dir.resolve("pid");
        Path child = dir.resolve("child");
        TesseractEngine engine = engine("echo $$ > " + q(pid) + "; sleep 30 & echo $! > " + q(child) + "; wait");

        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.recognize(page, request(SHORT)))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.TIMEOUT))
                .hasMessageContaining("page.png").hasMessageContaining("1000 ms");

        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(GENEROUS_MS);
        assertGone(pid);
        assertGone(child); // the script's child, holding the output pipe: the whole tree was ended
    }

    @Test
    void aFailingProcessIsCrashedWithItsExitCodeAndLastErrorLines() {
        TesseractEngine engine = engine("echo 'Estimating resolution as 300' >&2; echo 'Error: the LSTM model exploded' >&2; exit 1");

        assertThatThrownBy(() -> engine.recognize(page, request(Duration.ofSeconds(30))))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.CRASHED))
                .hasMessageContaining("exit code 1")
                .hasMessageContaining("Error: the LSTM model exploded");
    }

    @Test
    void aProcessKilledBySegfaultIsCrashed() {
        TesseractEngine engine = engine("echo 'about to fall over' >&2; kill -SEGV $$; sleep 5");

        assertThatThrownBy(() -> engine.recognize(page, request(Duration.ofSeconds(30))))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.CRASHED))
                .hasMessageContaining("signal 11 (SIGSEGV)")
                .hasMessageContaining("about to fall over");
    }

    @Test
    void aFloodOfOutputIsRefusedAtTheLimit() {
        // 100 MB against the default limit of 64 MiB
        TesseractEngine engine = engine("head -c 100000000 /dev/zero");

        long start = System.nanoTime();
        assertThatThrownBy(() -> engine.recognize(page, request(Duration.ofSeconds(60))))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.OUTPUT_TOO_LARGE))
                .hasMessageContaining("more than " + TesseractEngine.DEFAULT_MAX_OUTPUT + " bytes");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(GENEROUS_MS);
    }

    @Test
    void outputUpToTheLimitIsKeptWhole() {
        TesseractEngine engine = new TesseractEngine(FakeTesseract.script(dir, "head -c 3000000 /dev/zero").toString(), 1, 3_000_000);

        assertThat(engine.recognize(page, request(Duration.ofSeconds(30))).output()).hasSize(3_000_000);
    }

    @Test
    void aMissingCommandIsNotInstalled() {
        TesseractEngine engine = new TesseractEngine(dir.resolve("no-such-tesseract").toString(), 1);

        assertThat(engine.available()).isFalse();
        assertThatThrownBy(engine::version)
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.NOT_INSTALLED));
        assertThatThrownBy(() -> engine.recognize(page, request(SHORT)))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.NOT_INSTALLED))
                .hasMessageContaining("no-such-tesseract")
                .hasMessageContaining("apt-get install tesseract-ocr");
    }

    @Test
    void versionAndLanguagesAreAskedOnce() throws Exception {
        Path asked = dir.resolve("asked");
        Path script = dir.resolve("counting-tesseract.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" >> " + q(asked) + "\n"
                + "case \"$1\" in --version) echo 'tesseract 5.3.0';; --list-langs) printf 'List of available languages in \"x\" (1):\\njpn\\n';; "
                + "*) " + FakeTesseract.hocr() + ";; esac\n");
        script.toFile().setExecutable(true);
        TesseractEngine engine = new TesseractEngine(script.toString(), 1);

        assertThat(engine.available()).isTrue();
        assertThat(engine.available()).isTrue();
        assertThat(engine.version()).isEqualTo("5.3.0");
        assertThat(engine.languages()).containsExactly("jpn");
        engine.recognize(page, new OcrRequest("jpn", false, SHORT.multipliedBy(30)));
        engine.recognize(page, new OcrRequest("jpn", false, SHORT.multipliedBy(30)));

        assertThat(Files.readAllLines(asked)).filteredOn(l -> l.startsWith("--")).containsExactly("--version", "--list-langs");
    }

    @Test
    void theCommandLineAsksForHocrOnStandardOutput() throws Exception {
        Path args = dir.resolve("args");
        Path env = dir.resolve("env");
        TesseractEngine engine = engine("printf '%s\\n' \"$@\" > " + q(args) + "; echo \"$OMP_THREAD_LIMIT\" > " + q(env) + "; " + FakeTesseract.hocr());

        OcrResult result = engine.recognize(page, new OcrRequest("jpn+jpn_vert+eng", false, Duration.ofSeconds(30)));

        assertThat(new String(result.output(), StandardCharsets.UTF_8)).isEqualTo(FakeTesseract.HOCR);
        assertThat(Files.readAllLines(args)).containsExactly(page.toAbsolutePath().toString(), "stdout", "-l", "jpn+jpn_vert+eng", "--psm", "3", "hocr");
        assertThat(Files.readString(env).strip()).isEqualTo("1");
    }

    @Test
    void aVerticalPageWithoutWordsIsReadAgainAsOneVerticalBlock() throws Exception {
        Path calls = dir.resolve("calls");
        TesseractEngine engine = engine("echo \"$6\" >> " + q(calls) + "; "
                + "if [ \"$6\" = 5 ]; then " + FakeTesseract.hocr() + "; else printf '%s' \"<meta name='ocr-capabilities' content='ocr_page ocrx_word'/><div class='ocr_page'></div>\"; fi");

        OcrResult vertical = engine.recognize(page, new OcrRequest("jpn_vert", true, Duration.ofSeconds(30)));
        OcrResult horizontal = engine.recognize(page, new OcrRequest("jpn", false, Duration.ofSeconds(30)));

        assertThat(new String(vertical.output(), StandardCharsets.UTF_8)).isEqualTo(FakeTesseract.HOCR);
        assertThat(new String(horizontal.output(), StandardCharsets.UTF_8)).doesNotContain("class='ocrx_word'");
        assertThat(Files.readAllLines(calls)).containsExactly("3", "5", "3");
    }

    @Test
    void randomBytesAreABadImageAndNeverReachTesseract() throws Exception {
        Path ran = dir.resolve("ran");
        TesseractEngine engine = engine("touch " + q(ran) + "; " + FakeTesseract.hocr());
        byte[] noise = new byte[5000];
        new Random(7).nextBytes(noise);
        noise[0] = 'x'; // whatever follows, not the start of an image
        Path random = Files.write(dir.resolve("random.png"), noise);
        // Tesseract reads a file that is not an image as a list of image paths, and recognizes those
        Path list = Files.writeString(dir.resolve("list.png"), page.toAbsolutePath() + "\n");

        for (Path bad : List.of(random, list)) {
            assertThatThrownBy(() -> engine.recognize(bad, request(SHORT)))
                    .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.BAD_IMAGE))
                    .hasMessageContaining(bad.getFileName() + " is not an image");
        }
        assertThatThrownBy(() -> engine.recognize(dir.resolve("missing.png"), request(SHORT)))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.IO));
        assertThat(ran).doesNotExist();
    }

    @Test
    void aLanguageTheEngineLacksIsNotInstalled() {
        TesseractEngine engine = engine(FakeTesseract.hocr());

        assertThatThrownBy(() -> engine.recognize(page, new OcrRequest("jpn+kor", false, SHORT)))
                .isInstanceOfSatisfying(OcrException.class, e -> assertThat(e.kind()).isEqualTo(OcrException.Kind.NOT_INSTALLED))
                .hasMessageContaining("no language kor (installed: eng, jpn, jpn_vert)");
    }

    @Test
    void interruptingTheCallerEndsTheProcess() throws Exception {
        Path pid = dir.resolve("pid");
        TesseractEngine engine = engine("echo $$ > " + q(pid) + ".tmp; mv " + q(pid) + ".tmp " + q(pid) + "; sleep 30");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagged = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                engine.recognize(page, request(Duration.ofSeconds(60)));
            } catch (Throwable t) {
                thrown.set(t);
                flagged.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        awaitFile(pid);

        caller.interrupt();
        caller.join(GENEROUS_MS);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasMessageContaining("page.png");
        assertThat(flagged.get()).as("interrupt flag kept").isTrue();
        assertGone(pid);
    }

    @Test
    void noMoreProcessesRunThanTheEngineAllows() throws Exception {
        Path log = dir.resolve("log");
        TesseractEngine engine = new TesseractEngine(FakeTesseract.script(dir,
                "echo + >> " + q(log) + "; sleep 0.3; echo - >> " + q(log) + "; " + FakeTesseract.hocr()).toString(), 2);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<OcrResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> engine.recognize(page, request(Duration.ofSeconds(60)))));
            }
            for (Future<OcrResult> f : results) {
                assertThat(f.get().output()).isNotEmpty();
            }
        } finally {
            callers.shutdownNow();
        }

        List<String> events = Files.readAllLines(log);
        assertThat(events).hasSize(16);
        int running = 0;
        int most = 0;
        for (String e : events) {
            running += e.equals("+") ? 1 : -1;
            most = Math.max(most, running);
        }
        assertThat(most).isBetween(1, 2);
    }

    private TesseractEngine engine(String page) {
        return new TesseractEngine(FakeTesseract.script(dir, page).toString(), 2);
    }

    private static OcrRequest request(Duration timeout) {
        return new OcrRequest("jpn", false, timeout);
    }

    static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + GENEROUS_MS * 1_000_000;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }

    /** The process whose id the file holds is not running (nor among this JVM's descendants). */
    static void assertGone(Path pidFile) throws Exception {
        assertGone(Long.parseLong(Files.readString(pidFile).strip()));
    }

    /**
     * The process is not running: gone, or a zombie (killed, waiting to be reaped by whoever adopted it,
     * which a container's first process may do late).
     */
    static void assertGone(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        boolean running = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent();
        if (running && Files.exists(stat)) {
            String s = Files.readString(stat);
            running = s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        }
        assertThat(running).as("process %d runs", pid).isFalse();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).mapToLong(ProcessHandle::pid))
                .doesNotContain(pid);
    }
}
