package dev.kitt.bench.load;

import dev.kitt.engines.client.RequestResult;
import dev.kitt.engines.client.TokenSource;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

import java.util.EnumMap;
import java.util.Map;

/**
 * Accumulates measured requests into HdrHistograms (microsecond resolution, 3 significant digits)
 * and turns them into the metric names of docs/metrics.md. Single-threaded: fed on one context.
 */
public final class LatencyStats {
    private static final long MAX_US = 3_600_000_000L;
    private final Histogram ttft = new Histogram(MAX_US, 3);
    private final Histogram itl = new Histogram(MAX_US, 3);
    private final Histogram tpot = new Histogram(MAX_US, 3);
    private final Histogram e2e = new Histogram(MAX_US, 3);
    private final Map<TokenSource, Integer> sources = new EnumMap<>(TokenSource.class);
    private final double sloTtftMs;
    private final double sloTpotMs;
    private long ok;
    private long failed;
    private long partial;
    private long good;
    private long outputTokens;
    private long firstSend = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;

    public LatencyStats(double sloTtftMs, double sloTpotMs) {
        this.sloTtftMs = sloTtftMs;
        this.sloTpotMs = sloTpotMs;
    }

    public void add(RequestResult r) {
        firstSend = Math.min(firstSend, r.sendNanos());
        lastEnd = Math.max(lastEnd, r.endNanos());
        if (!r.ok()) {
            failed++;
            partial += r.partial() ? 1 : 0;
            return;
        }
        ok++;
        outputTokens += r.outputTokens();
        sources.merge(r.tokenSource(), 1, Integer::sum);
        e2e.recordValue(us(r.endNanos() - r.sendNanos()));
        if (r.hasFirstToken()) {
            ttft.recordValue(us(r.firstTokenNanos() - r.sendNanos()));
            long[] t = r.tokenNanos();
            for (int i = 1; i < t.length; i++) {
                itl.recordValue(us(t[i] - t[i - 1]));
            }
        }
        double tp = r.tpotMs();
        if (!Double.isNaN(tp)) {
            tpot.recordValue(Math.round(tp * 1000));
        }
        if (r.hasFirstToken() && r.ttftMs() <= sloTtftMs && (Double.isNaN(tp) || tp <= sloTpotMs)) {
            good++;
        }
    }

    /** Adds another shard's requests (after both shards finished; not thread-safe). */
    void merge(LatencyStats other) {
        ttft.add(other.ttft);
        itl.add(other.itl);
        tpot.add(other.tpot);
        e2e.add(other.e2e);
        other.sources.forEach((k, v) -> sources.merge(k, v, Integer::sum));
        ok += other.ok;
        failed += other.failed;
        partial += other.partial;
        good += other.good;
        outputTokens += other.outputTokens;
        firstSend = Math.min(firstSend, other.firstSend);
        lastEnd = Math.max(lastEnd, other.lastEnd);
    }

    public long completed() {
        return ok;
    }

    public long failedCount() {
        return failed;
    }

    public long partialCount() {
        return partial;
    }

    /** The measured window: first measured send to last measured end, in seconds. */
    public double windowSeconds() {
        return lastEnd > firstSend ? (lastEnd - firstSend) / 1e9 : 0;
    }

    public JsonObject metrics() {
        JsonObject m = new JsonObject();
        put(m, "ttft_ms", ttft);
        put(m, "itl_ms", itl);
        put(m, "tpot_ms", tpot);
        put(m, "e2e_latency_ms", e2e);
        double w = windowSeconds();
        m.put("output_tokens_per_s", w > 0 ? outputTokens / w : 0.0);
        m.put("requests_per_s", w > 0 ? ok / w : 0.0);
        m.put("goodput_requests_per_s", w > 0 ? good / w : 0.0);
        m.put("error_rate", ok + failed > 0 ? (double) failed / (ok + failed) : 0.0);
        m.put("total_output_tokens", outputTokens);
        m.put("requests_completed", ok);
        m.put("requests_failed", failed);
        m.put("requests_partial", partial);
        return m;
    }

    /** "usage", "chunks", "words" or "mixed": where output-token counts came from. */
    public String tokenCountSource() {
        if (sources.isEmpty()) {
            return "none";
        }
        return sources.size() == 1 ? sources.keySet().iterator().next().id() : "mixed";
    }

    private static void put(JsonObject m, String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return;
        }
        m.put(name + "_mean", round(h.getMean() / 1000.0));
        m.put(name + "_p50", round(h.getValueAtPercentile(50) / 1000.0));
        m.put(name + "_p90", round(h.getValueAtPercentile(90) / 1000.0));
        m.put(name + "_p99", round(h.getValueAtPercentile(99) / 1000.0));
    }

    private static long us(long nanos) {
        return Math.max(0, nanos / 1000);
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
