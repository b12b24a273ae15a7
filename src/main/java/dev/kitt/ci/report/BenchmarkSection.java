package dev.kitt.ci.report;

import dev.kitt.ci.compare.MetricCatalog;
import dev.kitt.ci.results.BenchmarkResult;
import dev.kitt.ci.results.ResultSet;
import dev.kitt.ci.stats.SampleStats;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One table per benchmark of the current results: its metrics, and its errors when it failed. */
final class BenchmarkSection {
    private static final int MAX_ERRORS = 5;

    private BenchmarkSection() {
    }

    static void append(StringBuilder out, ResultSet current) {
        out.append("### Benchmarks\n\n");
        for (String benchmark : current.benchmarkNames()) {
            boolean passed = current.benchmarkPassed(benchmark);
            out.append("#### ").append(passed ? "✅ " : "❌ ").append(benchmark).append("\n\n");
            errors(out, current.results(benchmark));
            List<String> metrics = current.metricNames(benchmark).stream().sorted(MetricCatalog.displayOrder()).toList();
            if (metrics.isEmpty()) {
                out.append("_No metrics._\n\n");
                continue;
            }
            MarkdownTable table = new MarkdownTable("Metric", "Better", "Value:");
            for (String metric : metrics) {
                SampleStats s = SampleStats.of(current.samples(benchmark, metric));
                table.row(MarkdownReport.code(metric), MetricCatalog.direction(metric).arrow(), Numbers.summary(s));
            }
            table.appendTo(out);
            out.append('\n');
        }
    }

    private static void errors(StringBuilder out, List<BenchmarkResult> results) {
        Set<String> errors = new LinkedHashSet<>();
        results.forEach(r -> errors.addAll(r.errors()));
        if (errors.isEmpty()) {
            return;
        }
        out.append("Errors:\n");
        errors.stream().limit(MAX_ERRORS).forEach(e -> out.append("- ").append(MarkdownReport.code(e)).append('\n'));
        if (errors.size() > MAX_ERRORS) {
            out.append("- …and ").append(errors.size() - MAX_ERRORS).append(" more\n");
        }
        out.append('\n');
    }
}
