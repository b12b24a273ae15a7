package dev.kitt.bench.load;

import dev.kitt.engines.client.RequestResult;
import org.HdrHistogram.Histogram;

import java.util.List;

/** What one load run on one event loop collected, before shards are merged into a {@link LoadReport}. */
record ShardResult(LatencyStats stats, Histogram lagUs, List<String> errors, List<RequestResult> kept) {
    private static final int MAX_SAMPLE_ERRORS = 5;

    ShardResult mergedWith(ShardResult other) {
        stats.merge(other.stats);
        lagUs.add(other.lagUs);
        other.errors.stream().limit(Math.max(0, MAX_SAMPLE_ERRORS - errors.size())).forEach(errors::add);
        kept.addAll(other.kept);
        return this;
    }

    LoadReport report() {
        double lag = lagUs.getTotalCount() == 0 ? 0 : lagUs.getValueAtPercentile(99) / 1000.0;
        return new LoadReport(stats.metrics(), stats.tokenCountSource(), List.copyOf(errors), kept, lag);
    }
}
