package dev.kitt.ci.compare;

import dev.kitt.ci.stats.SampleStats;
import dev.kitt.ci.stats.WelchTest;

import java.util.Optional;

/**
 * One metric of one benchmark, baseline against current.
 *
 * @param baseline    empty when the baseline lacks the metric
 * @param current     empty when the current run lacks it
 * @param changePct   change of the mean in percent of the baseline; empty when not computable
 *                    (a side is missing, or the baseline is zero and the current is not)
 * @param noise       Welch's test, when both sides have at least two samples
 */
public record MetricComparison(String benchmark, String metric, MetricDirection direction,
                               Optional<SampleStats> baseline, Optional<SampleStats> current,
                               Optional<Double> changePct, Optional<WelchTest.Result> noise,
                               Verdict verdict) {

    public boolean isRegression() {
        return verdict == Verdict.REGRESSION;
    }

    public boolean isImprovement() {
        return verdict == Verdict.IMPROVEMENT;
    }
}
