package dev.kitt.engines.runtime;

/**
 * How long to wait for an engine to become healthy: the first retry after {@code initialMs},
 * doubling up to {@code maxMs}, giving up after {@code timeoutMs}. Injectable so tests shrink it.
 */
public record HealthPolicy(long initialMs, long maxMs, long timeoutMs) {

    /** 1 s doubling to 10 s, up to 300 s: model loading can take minutes. */
    public static HealthPolicy engineDefault() {
        return new HealthPolicy(1_000, 10_000, 300_000);
    }

    /** An endpoint that should already be running gets a short grace period. */
    public static HealthPolicy endpointDefault() {
        return new HealthPolicy(500, 2_000, 5_000);
    }

    long next(long current) {
        return Math.min(maxMs, current * 2);
    }
}
