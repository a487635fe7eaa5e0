package org.kura.fulltext.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kura.fulltext.ocr.FakeTesseract.q;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs over several pages, with a script standing in for Tesseract. */
class OcrRunTest {
    @TempDir
    Path dir;

    record Call(int done, int total, int failed, double pagesPerMinute, Duration eta) {}

    @Test
    void aHangingPageFailsAloneAndTheRunGoesOn() throws Exception {
        TesseractEngine engine = new TesseractEngine(FakeTesseract.script(dir,
                "case \"$1\" in *hang*) sleep 30 ;; esac; " + FakeTesseract.hocr()).toString(), 2);
        List<OcrPage> pages = List.of(
                new OcrPage(1, PageImages.blankPng(dir.resolve("p1.png"))),
                new OcrPage(2, PageImages.blankPng(dir.resolve("p2.png"))),
                new OcrPage(3, PageImages.blankPng(dir.resolve("p3-hang.png"))),
                new OcrPage(4, PageImages.blankPng(dir.resolve("p4.png"))));
        List<Call> calls = new CopyOnWriteArrayList<>();
        Thread runner = Thread.currentThread();
        List<Thread> callbackThreads = new CopyOnWriteArrayList<>();

        OcrSummary summary = new OcrRun(engine).run(pages, new OcrRequest("jpn", false, Duration.ofSeconds(1)),
                (done, total, failed, perMinute, eta) -> {
                    calls.add(new Call(done, total, failed, perMinute, eta));
                    callbackThreads.add(Thread.currentThread());
                });

        assertThat(summary.ok()).isEqualTo(3);
        assertThat(summary.recognized()).extracting(OcrSummary.Recognized::page).containsExactly(1, 2, 4);
        assertThat(summary.recognized()).allSatisfy(r -> assertThat(r.result().output()).isNotEmpty());
        assertThat(summary.failed()).singleElement().satisfies(f -> {
            assertThat(f.page()).isEqualTo(3);
            assertThat(f.kind()).isEqualTo(OcrException.Kind.TIMEOUT);
            assertThat(f.message()).contains("p3-hang.png");
        });
        assertThat(summary.pagesPerMinute()).isPositive();
        assertThat(calls).extracting(Call::done).containsExactly(1, 2, 3, 4);
        assertThat(calls).extracting(Call::total).containsOnly(4);
        assertThat(calls.get(3).failed()).isEqualTo(1);
        assertThat(calls.get(3).eta()).isEqualTo(Duration.ZERO);
        assertThat(calls).allSatisfy(c -> assertThat(c.pagesPerMinute()).isPositive());
        assertThat(callbackThreads).containsOnly(runner);
    }

    @Test
    void aFailingProgressListenerDoesNotStopTheRun() throws Exception {
        TesseractEngine engine = new TesseractEngine(FakeTesseract.script(dir, FakeTesseract.hocr()).toString(), 2);
        List<OcrPage> pages = List.of(new OcrPage(1, PageImages.blankPng(dir.resolve("p1.png"))),
                new OcrPage(2, PageImages.blankPng(dir.resolve("p2.png"))));

        OcrSummary summary = new OcrRun(engine).run(pages, new OcrRequest("jpn", false, Duration.ofSeconds(30)),
                (done, total, failed, perMinute, eta) -> {
                    throw new IllegalStateException("the progress bar is gone");
                });

        assertThat(summary.ok()).isEqualTo(2);
    }

    @Test
    void interruptingARunEndsThePagesUnderWay() throws Exception {
        Path pids = Files.createDirectory(dir.resolve("pids"));
        TesseractEngine engine = new TesseractEngine(FakeTesseract.script(dir,
                "touch " + q(pids) + "/$$; sleep 30; " + FakeTesseract.hocr()).toString(), 2);
        List<OcrPage> pages = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            pages.add(new OcrPage(i, PageImages.blankPng(dir.resolve("p" + i + ".png"))));
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                new OcrRun(engine).run(pages, new OcrRequest("jpn", false, Duration.ofSeconds(60)), OcrProgress.NONE);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        runner.start();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (count(pids) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count(pids)).isEqualTo(2);

        runner.interrupt();
        runner.join(15_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        try (Stream<Path> started = Files.list(pids)) {
            for (Path p : started.toList()) {
                TesseractProcessTest.assertGone(Long.parseLong(p.getFileName().toString()));
            }
        }
        assertThat(count(pids)).as("no page started after the interrupt").isEqualTo(2);
    }

    private static long count(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
