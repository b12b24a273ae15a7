package dev.kitt.agent;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: the window doubles from {@code baseMs} up to {@code capMs} and each wait is
 * drawn at random inside the window, so a fleet that lost its server does not return in lockstep.
 * Reset after a successful welcome.
 */
public final class Backoff {
    private final long baseMs;
    private final long capMs;
    private int attempt;

    public Backoff(long baseMs, long capMs) {
        this.baseMs = baseMs;
        this.capMs = capMs;
    }

    public long nextDelayMs() {
        long window = Math.min(capMs, baseMs << Math.min(attempt, 20));
        attempt++;
        return Math.max(1, ThreadLocalRandom.current().nextLong(window / 2, window + 1));
    }

    public void reset() {
        attempt = 0;
    }
}
