package org.kura.fulltext.ocr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an external command as a managed process: its standard output and error are read at the same
 * time (a chatty process never blocks on a full pipe), the output is kept up to a limit and the error
 * output's end is kept, and on timeout, overflow or interrupt the whole process tree is ended
 * ({@link ProcessHandle#descendants()} first, then the process, all forcibly).
 */
final class ProcessRunner {
    private static final Duration REAP = Duration.ofSeconds(10);
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final long maxStdout;
    private final int maxStderr;

    /**
     * @param maxStdout the most standard output kept; a process writing more is ended
     * @param maxStderr how much of the end of the error output is kept
     */
    ProcessRunner(long maxStdout, int maxStderr) {
        if (maxStdout < 1 || maxStdout > Integer.MAX_VALUE - 16 || maxStderr < 1) {
            throw new IllegalArgumentException("output limits are positive and below 2 GiB: " + maxStdout + ", " + maxStderr);
        }
        this.maxStdout = maxStdout;
        this.maxStderr = maxStderr;
    }

    /** How a run ended. */
    enum Ending {
        /** The process exited (or was killed by a signal from elsewhere); see the exit code. */
        EXITED,
        /** The timeout passed; the process tree was ended. */
        TIMED_OUT,
        /** The process wrote more than the output limit; the process tree was ended. */
        TOO_MUCH_OUTPUT
    }

    /**
     * @param ending   how the run ended
     * @param exitCode the exit code (128 + n for a process killed by signal n), -1 unless {@link Ending#EXITED}
     * @param stdout   the standard output (complete only when {@link Ending#EXITED})
     * @param stderr   the end of the error output, decoded as UTF-8
     * @param took     from start to end
     */
    record Outcome(Ending ending, int exitCode, byte[] stdout, String stderr, Duration took) {}

    /**
     * Runs the command with the given additions to the environment and standard input closed.
     *
     * @throws IOException          when the command cannot be started (not found, not executable)
     * @throws InterruptedException when the calling thread is interrupted; the process tree is ended first
     */
    Outcome run(List<String> command, Map<String, String> env, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        AtomicBoolean overflow = new AtomicBoolean();
        HeadSink out = new HeadSink((int) maxStdout);
        TailSink err = new TailSink(maxStderr);
        Thread outPump = pump(process, process.getInputStream(), out, overflow, "stdout");
        Thread errPump = pump(process, process.getErrorStream(), err, overflow, "stderr");
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the process may have exited already; it reads nothing from us anyway
        }
        boolean timedOut;
        try {
            timedOut = !process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (timedOut) {
                endTree(process);
            }
            drain(outPump);
            drain(errPump);
        } catch (InterruptedException e) {
            endTree(process);
            throw e;
        }
        // after draining: a process may write too much and exit before the pump has read it all
        Ending ending = overflow.get() ? Ending.TOO_MUCH_OUTPUT : timedOut ? Ending.TIMED_OUT : Ending.EXITED;
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        int exit = ending == Ending.EXITED ? process.exitValue() : -1;
        return new Outcome(ending, exit, ending == Ending.EXITED ? out.bytes() : new byte[0], err.text(), took);
    }

    /** Ends the process and everything it started, forcibly, and waits (briefly) until they are gone. */
    static void endTree(Process process) {
        // descendants first: once the parent is gone its children are no longer its descendants
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        boolean interrupted = false;
        long deadline = System.nanoTime() + REAP.toNanos();
        while (true) {
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (ProcessHandle d : descendants) {
            while (running(d) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * True while the process runs. A killed process that is not our child stays a zombie until its new
     * parent reaps it, which a container's first process may do late or never, and
     * {@link ProcessHandle#isAlive()} counts zombies as alive; Linux's {@code /proc} tells them apart.
     */
    static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"), StandardCharsets.ISO_8859_1);
            int afterName = stat.lastIndexOf(')'); // the command name may hold spaces and parentheses
            return afterName < 0 || afterName + 2 >= stat.length() || stat.charAt(afterName + 2) != 'Z';
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | UnsupportedOperationException e) {
            return true; // no /proc: trust isAlive
        }
    }

    private static Thread pump(Process process, InputStream in, Sink sink, AtomicBoolean overflow, String name) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (!sink.write(buf, n)) {
                        overflow.set(true);
                        endTree(process);
                        return;
                    }
                }
            } catch (IOException ignored) {
                // the pipe closed under us: the process was ended
            }
        }, "process-" + process.pid() + "-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Waits for a pump to read to the end. A grandchild left running by a process that exited (Tesseract
     * starts none) could hold the pipe open; it is not waited for long, and the output is then what came so far.
     */
    private static void drain(Thread pump) throws InterruptedException {
        pump.join(DRAIN.toMillis());
    }

    private interface Sink {
        /** False when the sink is full and the process should be ended. */
        boolean write(byte[] buf, int n);
    }

    /** Keeps the first bytes, up to a limit. */
    private static final class HeadSink implements Sink {
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);

        HeadSink(int max) {
            this.max = max;
        }

        @Override
        public synchronized boolean write(byte[] buf, int n) {
            if (bytes.size() + (long) n > max) {
                return false;
            }
            bytes.write(buf, 0, n);
            return true;
        }

        synchronized byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** Keeps the last bytes, up to a limit. */
    private static final class TailSink implements Sink {
        private final int max;
        private byte[] kept = new byte[0];

        TailSink(int max) {
            this.max = max;
        }

        @Override
        public synchronized boolean write(byte[] buf, int n) {
            int keep = Math.min(max, kept.length + n);
            byte[] next = new byte[keep];
            int fromOld = Math.max(0, keep - n);
            System.arraycopy(kept, kept.length - fromOld, next, 0, fromOld);
            System.arraycopy(buf, n - (keep - fromOld), next, fromOld, keep - fromOld);
            kept = next;
            return true;
        }

        synchronized String text() {
            return new String(kept, StandardCharsets.UTF_8);
        }
    }
}
