package dev.kitt.auth;

import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per (username, client address) in a sliding window. Keyed on both so a
 * guesser cannot lock the real admin out from another address. In memory: the whole count for a
 * single server, and a clustered node's fallback when shared data cannot answer
 * ({@link ClusteredLoginLimiter}).
 */
public final class LoginRateLimiter implements LoginLimiter {
    private static final int MAX_KEYS = 10_000;

    private final int maxFailures;
    private final long windowMs;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginRateLimiter(int maxFailures, int windowSeconds, LongSupplier clock) {
        this.maxFailures = maxFailures;
        this.windowMs = windowSeconds * 1000L;
        this.clock = clock;
    }

    /** Seconds to wait before the next attempt, or 0 when an attempt is allowed now. */
    public long retryAfterSeconds(String username, String address) {
        Deque<Long> times = failures.get(key(username, address));
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            long now = clock.getAsLong();
            prune(times, now);
            if (times.size() < maxFailures) {
                return 0;
            }
            return Math.max(1, (times.peekFirst() + windowMs - now + 999) / 1000);
        }
    }

    public void failed(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            sweep();
        }
        Deque<Long> times = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.getAsLong());
        }
    }

    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMs) {
            times.removeFirst();
        }
    }

    /** Drops keys whose failures have all left the window, so many one-off guesses cannot grow the map. */
    private void sweep() {
        long now = clock.getAsLong();
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    @Override
    public Future<Long> retryAfter(String username, String address) {
        return Future.succeededFuture(retryAfterSeconds(username, address));
    }

    @Override
    public Future<Void> recordFailure(String username, String address) {
        failed(username, address);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> recordSuccess(String username, String address) {
        succeeded(username, address);
        return Future.succeededFuture();
    }

    static String key(String username, String address) {
        return username.toLowerCase() + "|" + address;
    }
}
