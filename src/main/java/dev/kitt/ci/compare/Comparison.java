package dev.kitt.ci.compare;

import java.util.List;

/**
 * The full comparison of a current result set with a baseline.
 *
 * @param onlyInCurrent  benchmarks the baseline did not run (new benchmarks)
 * @param onlyInBaseline benchmarks the current run did not run (dropped or renamed benchmarks)
 */
public record Comparison(double thresholdPct, double alpha, List<MetricComparison> metrics,
                         List<String> onlyInCurrent, List<String> onlyInBaseline) {
    public Comparison {
        metrics = List.copyOf(metrics);
        onlyInCurrent = List.copyOf(onlyInCurrent);
        onlyInBaseline = List.copyOf(onlyInBaseline);
    }

    public List<MetricComparison> regressions() {
        return metrics.stream().filter(MetricComparison::isRegression).toList();
    }

    public List<MetricComparison> improvements() {
        return metrics.stream().filter(MetricComparison::isImprovement).toList();
    }

    /** True when some metric had enough runs on both sides for a noise test. */
    public boolean anyNoiseTest() {
        return metrics.stream().anyMatch(m -> m.noise().isPresent());
    }
}
