package dev.kitt.ci.spread;

import dev.kitt.ci.compare.MetricCatalog;
import dev.kitt.ci.results.ResultSet;
import dev.kitt.ci.results.RunResult;
import dev.kitt.ci.stats.SampleStats;

import java.util.ArrayList;
import java.util.List;

/**
 * Pools the runs of several result directories and summarises each metric across them. Every
 * result entry (each run, each run number) is one sample, so a suite run with {@code runs: 3}
 * already shows its own repeatability.
 */
public final class SpreadAnalysis {
    private SpreadAnalysis() {
    }

    public static List<MetricSpread> of(List<RunResult> runs) {
        ResultSet pooled = new ResultSet(null, runs);
        List<MetricSpread> out = new ArrayList<>();
        for (String benchmark : pooled.benchmarkNames()) {
            pooled.metricNames(benchmark).stream().sorted(MetricCatalog.displayOrder()).forEach(metric ->
                    out.add(new MetricSpread(benchmark, metric, MetricCatalog.direction(metric),
                            SampleStats.of(pooled.samples(benchmark, metric)))));
        }
        return out;
    }
}
