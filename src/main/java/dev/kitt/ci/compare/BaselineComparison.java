package dev.kitt.ci.compare;

import dev.kitt.ci.results.ResultSet;
import dev.kitt.ci.stats.SampleStats;
import dev.kitt.ci.stats.WelchTest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Compares every metric of every benchmark the two sides share. A change is a regression or an
 * improvement only when it is past the threshold in percent and, when both sides hold several
 * runs, also beyond run-to-run noise by Welch's t-test at the given significance level: a fixed
 * threshold alone flags noisy metrics on every other pull request.
 */
public final class BaselineComparison {
    /** Significance level of the noise test: 5 % chance of calling pure noise a change. */
    public static final double DEFAULT_ALPHA = 0.05;

    private BaselineComparison() {
    }

    public static Comparison compare(ResultSet current, ResultSet baseline, double thresholdPct, double alpha) {
        List<String> currentNames = current.benchmarkNames();
        List<String> baselineNames = baseline.benchmarkNames();
        List<MetricComparison> rows = new ArrayList<>();
        for (String benchmark : currentNames) {
            if (!baselineNames.contains(benchmark)) {
                continue;
            }
            LinkedHashSet<String> metrics = new LinkedHashSet<>(current.metricNames(benchmark));
            metrics.addAll(baseline.metricNames(benchmark));
            metrics.stream().sorted(MetricCatalog.displayOrder()).forEach(metric -> rows.add(
                    compareMetric(benchmark, metric, stats(baseline, benchmark, metric),
                            stats(current, benchmark, metric), thresholdPct, alpha)));
        }
        return new Comparison(thresholdPct, alpha, rows,
                currentNames.stream().filter(n -> !baselineNames.contains(n)).toList(),
                baselineNames.stream().filter(n -> !currentNames.contains(n)).toList());
    }

    static MetricComparison compareMetric(String benchmark, String metric, Optional<SampleStats> base,
                                          Optional<SampleStats> cur, double thresholdPct, double alpha) {
        MetricDirection direction = MetricCatalog.direction(metric);
        if (base.isEmpty() || cur.isEmpty()) {
            Verdict v = base.isEmpty() ? Verdict.ONLY_IN_CURRENT : Verdict.ONLY_IN_BASELINE;
            return new MetricComparison(benchmark, metric, direction, base, cur, Optional.empty(), Optional.empty(), v);
        }
        double b = base.get().mean();
        double c = cur.get().mean();
        Optional<Double> change = b == 0
                ? (c == 0 ? Optional.of(0.0) : Optional.empty())
                : Optional.of((c - b) / Math.abs(b) * 100.0);
        Optional<WelchTest.Result> noise = WelchTest.test(base.get(), cur.get());
        return new MetricComparison(benchmark, metric, direction, base, cur, change, noise,
                verdict(direction, c - b, change, noise, thresholdPct, alpha));
    }

    private static Verdict verdict(MetricDirection direction, double delta, Optional<Double> change,
                                   Optional<WelchTest.Result> noise, double thresholdPct, double alpha) {
        if (direction == MetricDirection.NEUTRAL) {
            return Verdict.NOT_JUDGED;
        }
        // From zero to anything (e.g. error_rate 0 -> 0.02) is past every threshold.
        boolean pastThreshold = change.map(pct -> Math.abs(pct) > thresholdPct).orElse(true);
        if (!pastThreshold) {
            return Verdict.WITHIN_THRESHOLD;
        }
        if (noise.isPresent() && noise.get().p() >= alpha) {
            return Verdict.WITHIN_NOISE;
        }
        return direction.isWorse(delta) ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
    }

    private static Optional<SampleStats> stats(ResultSet set, String benchmark, String metric) {
        double[] samples = set.samples(benchmark, metric);
        return samples.length == 0 ? Optional.empty() : Optional.of(SampleStats.of(samples));
    }
}
