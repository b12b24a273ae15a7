package dev.kitt.ci.report;

import dev.kitt.ci.compare.Comparison;
import dev.kitt.ci.compare.MetricComparison;
import dev.kitt.ci.stats.SampleStats;

import java.util.List;
import java.util.stream.Collectors;

/** The comparison with the baseline: what changed first, then every metric in one table. */
final class ComparisonSection {
    private ComparisonSection() {
    }

    static void append(StringBuilder out, Comparison c) {
        out.append("### Comparison with baseline\n\n");
        out.append("A change counts when it is beyond ±").append(Numbers.plain(c.thresholdPct()))
                .append("% in the worse (regression) or better (improvement) direction: ↓ lower is better, ↑ higher is better");
        out.append(c.anyNoiseTest()
                ? "; with several runs on both sides it must also be beyond run-to-run noise (Welch's t-test, p < "
                + Numbers.plain(c.alpha()) + ").\n\n"
                : ".\n\n");
        headline(out, c);
        table(out, c);
        benchmarkDifferences(out, c);
    }

    private static void headline(StringBuilder out, Comparison c) {
        List<MetricComparison> regressions = c.regressions();
        List<MetricComparison> improvements = c.improvements();
        if (regressions.isEmpty() && improvements.isEmpty()) {
            out.append("No regressions or improvements.\n\n");
            return;
        }
        out.append("**").append(count(regressions.size(), "regression")).append(", ")
                .append(count(improvements.size(), "improvement")).append("**\n\n");
        regressions.forEach(m -> out.append("- 🔴 ").append(describe(m)).append('\n'));
        improvements.forEach(m -> out.append("- 🟢 ").append(describe(m)).append('\n'));
        out.append('\n');
    }

    private static String describe(MetricComparison m) {
        return m.benchmark() + " " + MarkdownReport.code(m.metric()) + ": "
                + m.changePct().map(Numbers::percent).orElse("from 0") + " ("
                + m.baseline().map(s -> Numbers.value(s.mean())).orElse("") + " → "
                + m.current().map(s -> Numbers.value(s.mean())).orElse("") + ")";
    }

    private static void table(StringBuilder out, Comparison c) {
        if (c.metrics().isEmpty()) {
            out.append("_No benchmark in common with the baseline._\n\n");
            return;
        }
        boolean noiseColumn = c.anyNoiseTest();
        MarkdownTable t = noiseColumn
                ? new MarkdownTable("Benchmark", "Metric", "Better", "Baseline:", "Current:", "Change:", "Noise", "Verdict")
                : new MarkdownTable("Benchmark", "Metric", "Better", "Baseline:", "Current:", "Change:", "Verdict");
        for (MetricComparison m : c.metrics()) {
            String base = m.baseline().map(ComparisonSection::mean).orElse(Numbers.NONE);
            String cur = m.current().map(ComparisonSection::mean).orElse(Numbers.NONE);
            String change = m.changePct().map(Numbers::percent)
                    .orElse(m.baseline().isPresent() && m.current().isPresent() ? "from 0" : Numbers.NONE);
            String verdict = m.verdict().label();
            String metric = MarkdownReport.code(m.metric());
            String arrow = m.direction().arrow();
            if (noiseColumn) {
                String noise = m.noise().map(r -> Numbers.pValue(r.p())).orElse(Numbers.NONE);
                t.row(m.benchmark(), metric, arrow, base, cur, change, noise, verdict);
            } else {
                t.row(m.benchmark(), metric, arrow, base, cur, change, verdict);
            }
        }
        t.appendTo(out);
        out.append('\n');
    }

    private static String mean(SampleStats s) {
        return s.n() < 2 ? Numbers.value(s.mean()) : Numbers.value(s.mean()) + " (n=" + s.n() + ")";
    }

    private static void benchmarkDifferences(StringBuilder out, Comparison c) {
        if (!c.onlyInCurrent().isEmpty()) {
            out.append("Benchmarks only in the current results (no baseline to compare): ")
                    .append(codes(c.onlyInCurrent())).append(".\n\n");
        }
        if (!c.onlyInBaseline().isEmpty()) {
            out.append("Benchmarks only in the baseline (not run this time): ")
                    .append(codes(c.onlyInBaseline())).append(".\n\n");
        }
    }

    private static String codes(List<String> names) {
        return names.stream().map(MarkdownReport::code).collect(Collectors.joining(", "));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
