package dev.kitt.engines.runtime;

/**
 * A JVM shutdown hook that undoes a start (removes the container, kills the process) if the
 * normal stop never ran, e.g. on Ctrl-C. Cancelled once the normal stop has cleaned up.
 */
final class ShutdownCleanup {
    private final Thread hook;

    ShutdownCleanup(String what, Runnable cleanup) {
        this.hook = new Thread(cleanup, "kitt-cleanup-" + what);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void cancel() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it does the same cleanup, nothing to undo
        }
    }
}
