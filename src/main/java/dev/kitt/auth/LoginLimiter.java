package dev.kitt.auth;

import io.vertx.core.Future;

/**
 * Counts failed logins per (username, client address) in a sliding window. Asynchronous because
 * the cluster-wide counts live in shared data on other nodes; a single server answers at once.
 */
public interface LoginLimiter {
    /** Seconds to wait before the next attempt, or 0 when an attempt is allowed now. */
    Future<Long> retryAfter(String username, String address);

    Future<Void> recordFailure(String username, String address);

    Future<Void> recordSuccess(String username, String address);
}
