package dev.kitt.ci.spread;

import dev.kitt.ci.compare.MetricDirection;
import dev.kitt.ci.stats.SampleStats;

/** How much one metric of one benchmark varies across the runs compared. */
public record MetricSpread(String benchmark, String metric, MetricDirection direction, SampleStats stats) {
}
