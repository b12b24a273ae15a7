package dev.kitt.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, checking every 25 ms; fails with the last value seen. */
public final class Poll {
    private Poll() {
    }

    public static <T> T until(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; last seen: " + last);
            }
            LockSupport.parkNanos(25_000_000);
            last = probe.get();
        }
        return last;
    }
}
