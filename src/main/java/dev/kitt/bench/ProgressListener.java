package dev.kitt.bench;

/** Progress of a run, for a progress bar or a server-side status. Called on an event loop: must not block. */
public interface ProgressListener {
    /** A benchmark starts: position counts from 1 up to total across all runs of the suite. */
    void benchmarkStarted(String name, int runNumber, int position, int total);

    /** Work inside the current benchmark: done out of total units (requests or items; total 0 if unknown). */
    void advanced(long done, long total);

    void benchmarkFinished(String name, boolean passed);

    static ProgressListener none() {
        return new ProgressListener() {
            @Override
            public void benchmarkStarted(String name, int runNumber, int position, int total) {
            }

            @Override
            public void advanced(long done, long total) {
            }

            @Override
            public void benchmarkFinished(String name, boolean passed) {
            }
        };
    }
}
