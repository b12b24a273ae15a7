package dev.kitt.cli;

import dev.kitt.bench.ProgressListener;

import java.io.PrintStream;

/**
 * The live progress bar of `kitt run` on stderr. Redraws at most every 100 ms; when stderr is not
 * a terminal it prints one line per benchmark instead of carriage-return redraws.
 */
final class CliProgress implements ProgressListener {
    private static final int WIDTH = 24;
    private final PrintStream err;
    private final boolean terminal;
    private String current = "";
    private int position;
    private int total;
    private long lastDraw;

    CliProgress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void benchmarkStarted(String name, int runNumber, int position, int total) {
        this.current = name + " (run " + runNumber + ")";
        this.position = position;
        this.total = total;
        draw(0, 0, true);
    }

    @Override
    public synchronized void advanced(long done, long of) {
        draw(done, of, false);
    }

    @Override
    public synchronized void benchmarkFinished(String name, boolean passed) {
        if (terminal) {
            err.print("\r\033[K");
        }
        err.println("[" + position + "/" + total + "] " + current + ": " + (passed ? "passed" : "FAILED"));
    }

    private void draw(long done, long of, boolean force) {
        long now = System.nanoTime();
        if (!terminal || (!force && now - lastDraw < 100_000_000L)) {
            return;
        }
        lastDraw = now;
        double frac = of > 0 ? Math.min(1.0, (double) done / of) : 0;
        int filled = (int) Math.round(frac * WIDTH);
        err.print("\r\033[K[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + position + "/" + total + " "
                + current + (of > 0 ? " " + done + "/" + of : ""));
        err.flush();
    }
}
