package dev.kitt.ci.compare;

import dev.kitt.ci.stats.SampleStats;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Baseline comparison verdicts")
class BaselineComparisonTest {
    private static Verdict verdict(String metric, double[] base, double[] cur) {
        return BaselineComparison.compareMetric("b", metric, Optional.of(SampleStats.of(base)),
                Optional.of(SampleStats.of(cur)), 5, BaselineComparison.DEFAULT_ALPHA).verdict();
    }

    @Test
    @DisplayName("higher latency is a regression and higher throughput an improvement")
    void directionAware() {
        assertEquals(Verdict.REGRESSION, verdict("ttft_ms_p99", new double[]{100}, new double[]{110}));
        assertEquals(Verdict.IMPROVEMENT, verdict("output_tokens_per_s", new double[]{100}, new double[]{110}));
        assertEquals(Verdict.IMPROVEMENT, verdict("ttft_ms_p99", new double[]{100}, new double[]{90}));
        assertEquals(Verdict.REGRESSION, verdict("accuracy", new double[]{0.8}, new double[]{0.7}));
    }

    @Test
    @DisplayName("a change exactly at the threshold is within it")
    void thresholdIsExclusive() {
        assertEquals(Verdict.WITHIN_THRESHOLD, verdict("ttft_ms_p99", new double[]{100}, new double[]{105}));
    }

    @Test
    @DisplayName("errors appearing where there were none is a regression even though no percentage exists")
    void fromZero() {
        MetricComparison m = BaselineComparison.compareMetric("b", "error_rate", Optional.of(SampleStats.of(new double[]{0})),
                Optional.of(SampleStats.of(new double[]{0.02})), 5, 0.05);

        assertEquals(Verdict.REGRESSION, m.verdict());
        assertEquals(Optional.empty(), m.changePct());
    }

    @Test
    @DisplayName("counts are shown but never judged")
    void neutral() {
        assertEquals(Verdict.NOT_JUDGED, verdict("total_output_tokens", new double[]{1000}, new double[]{2000}));
    }

    @Test
    @DisplayName("with several runs per side, a large but noisy change is within noise and a tight one is not")
    void noise() {
        assertEquals(Verdict.WITHIN_NOISE, verdict("ttft_ms_p50", new double[]{100, 130, 85}, new double[]{120, 90, 135}));
        assertEquals(Verdict.REGRESSION, verdict("ttft_ms_p50", new double[]{100, 101, 99}, new double[]{110, 111, 109}));
    }
}
