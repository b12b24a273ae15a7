package dev.kitt.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks a run in progress to stop. The executor checks it before each benchmark and registers
 * a hook (stop the engine) that cuts short the benchmark under way, so a
 * cancelled run ends within moments and stores nothing. Thread-safe: cancel comes from any thread.
 */
public final class RunCancel {
    private final List<Runnable> hooks = new ArrayList<>();
    private String reason;

    /** A token nobody cancels, for callers that cannot stop a run. */
    public static RunCancel never() {
        return new RunCancel();
    }

    /** Cancels once; later calls change nothing. Hooks run on the caller's thread. */
    public void cancel(String why) {
        List<Runnable> toRun;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why == null ? "cancelled" : why;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        toRun.forEach(RunCancel::quietly);
    }

    public synchronized boolean cancelled() {
        return reason != null;
    }

    public synchronized String reason() {
        return reason;
    }

    /** Runs {@code hook} on cancel, or at once when the run is already cancelled. */
    void onCancel(Runnable hook) {
        synchronized (this) {
            if (reason == null) {
                hooks.add(hook);
                return;
            }
        }
        quietly(hook);
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException ignored) {
            // a hook that fails to cut the run short still leaves the check before the next benchmark
        }
    }
}
