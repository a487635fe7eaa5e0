package org.kura.ingest.pipeline;

import java.io.PrintStream;

/** Prints a refreshing progress line (records/s, ETA) to a terminal at most every 500 ms. */
public final class ConsoleProgress implements ProgressListener {
    private final PrintStream out;
    private long lastPrint;

    public ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        long now = System.nanoTime();
        if (lastPrint != 0 && now - lastPrint < 500_000_000L) {
            return;
        }
        lastPrint = now;
        out.print("\r" + p.describe() + "   ");
        out.flush();
    }

    /** Ends the line after the last update. */
    public synchronized void finish(Progress last) {
        if (last != null) {
            out.print("\r" + last.describe() + "   ");
        }
        out.println();
    }
}
