package dev.kitt.bench.load;

import io.vertx.core.json.JsonObject;

/**
 * One load run.
 *
 * @param concurrency    closed loop: requests in flight; open loop: connection cap
 * @param ratePerSecond  open loop only: mean arrival rate
 * @param requests       measured requests (0: bounded by duration only)
 * @param durationMs     measured duration (0: bounded by request count only)
 * @param warmupRequests requests sent first and left out of every metric
 * @param sloTtftMs      goodput counts requests whose TTFT is within this...
 * @param sloTpotMs      ...and whose time per output token is within this
 */
public record LoadSpec(Mode mode, int concurrency, double ratePerSecond, Arrival arrival, int requests,
                       long durationMs, int warmupRequests, int maxTokens, boolean stream, long seed,
                       double sloTtftMs, double sloTpotMs) {

    public enum Mode { CLOSED, OPEN }

    public enum Arrival { POISSON, CONSTANT }

    public LoadSpec {
        if (requests <= 0 && durationMs <= 0) {
            throw new IllegalArgumentException("a load run needs requests > 0 or duration > 0");
        }
        if (concurrency <= 0) {
            throw new IllegalArgumentException("concurrency must be positive");
        }
        if (mode == Mode.OPEN && ratePerSecond <= 0) {
            throw new IllegalArgumentException("an open-loop run needs a rate > 0");
        }
    }

    public static LoadSpec closed(int concurrency, int requests, int maxTokens) {
        return new LoadSpec(Mode.CLOSED, concurrency, 0, Arrival.POISSON, requests, 0, 0, maxTokens, true, 42,
                2_000, 200);
    }

    /** Reads a benchmark config (keys as in the suite YAML files; see docs/metrics.md). */
    public static LoadSpec fromConfig(JsonObject c) {
        Mode mode = c.containsKey("rate") ? Mode.OPEN : Mode.CLOSED;
        return new LoadSpec(mode, c.getInteger("concurrency", mode == Mode.OPEN ? 1024 : 1),
                c.getDouble("rate", 0.0), Arrival.valueOf(c.getString("arrival", "poisson").toUpperCase()),
                c.getInteger("requests", 0), (long) (c.getDouble("duration_s", 0.0) * 1000),
                c.getInteger("warmup_requests", 0), c.getInteger("max_tokens", 64), c.getBoolean("stream", true),
                c.getLong("seed", 42L), c.getDouble("slo_ttft_ms", 2_000.0), c.getDouble("slo_tpot_ms", 200.0));
    }

    public LoadSpec withConcurrency(int c) {
        return new LoadSpec(mode, c, ratePerSecond, arrival, requests, durationMs, warmupRequests, maxTokens, stream,
                seed, sloTtftMs, sloTpotMs);
    }

    public LoadSpec withRate(double r) {
        return new LoadSpec(Mode.OPEN, concurrency, r, arrival, requests, durationMs, warmupRequests, maxTokens, stream,
                seed, sloTtftMs, sloTpotMs);
    }

    /** Shard {@code i} of {@code n}: an even share of concurrency, rate, requests and warm-up. */
    public LoadSpec shard(int i, int n) {
        return new LoadSpec(mode, Math.max(1, share(concurrency, i, n)), ratePerSecond / n, arrival, share(requests, i, n),
                durationMs, share(warmupRequests, i, n), maxTokens, stream, seed + i, sloTtftMs, sloTpotMs);
    }

    private static int share(int total, int i, int n) {
        return total / n + (i < total % n ? 1 : 0);
    }

    public LoadSpec withWarmup(int n) {
        return new LoadSpec(mode, concurrency, ratePerSecond, arrival, requests, durationMs, n, maxTokens, stream,
                seed, sloTtftMs, sloTpotMs);
    }
}
