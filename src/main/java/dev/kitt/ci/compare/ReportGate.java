package dev.kitt.ci.compare;

import dev.kitt.ci.results.BenchmarkResult;
import dev.kitt.ci.results.ResultSet;
import dev.kitt.ci.results.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether CI should fail, and says why in one line: a failed benchmark in the current
 * results always fails; regressions fail only when asked to, since some teams want the report
 * without a gate. The baseline's own failures never fail the current change.
 */
public final class ReportGate {
    private static final int MAX_LISTED = 3;

    private ReportGate() {
    }

    public static Optional<String> failure(ResultSet current, Optional<Comparison> comparison, boolean failOnRegression) {
        List<String> reasons = new ArrayList<>();
        failedBenchmarks(current).ifPresent(reasons::add);
        if (failOnRegression) {
            comparison.map(ReportGate::regressions).ifPresent(r -> r.ifPresent(reasons::add));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    private static Optional<String> failedBenchmarks(ResultSet current) {
        List<String> failed = new ArrayList<>();
        RunResult firstFailing = null;
        for (RunResult run : current.runs()) {
            for (BenchmarkResult b : run.benchmarks()) {
                if (!b.passed()) {
                    firstFailing = firstFailing == null ? run : firstFailing;
                    String why = b.errors().isEmpty() ? "" : " (" + b.errors().get(0) + ")";
                    String entry = b.testName() + why;
                    if (!failed.contains(entry)) {
                        failed.add(entry);
                    }
                }
            }
        }
        if (failed.isEmpty()) {
            // metrics.json may say passed=false with every benchmark passing (e.g. a run aborted midway).
            return current.runs().stream().filter(r -> !r.passed()).findFirst()
                    .map(r -> "run marked as failed in " + r.metricsFile());
        }
        return Optional.of("benchmark failed in " + firstFailing.metricsFile() + ": " + listed(failed));
    }

    private static Optional<String> regressions(Comparison c) {
        List<MetricComparison> r = c.regressions();
        if (r.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = r.stream().map(m -> m.benchmark() + "/" + m.metric()
                + m.changePct().map(p -> String.format(Locale.ROOT, " %+.1f%%", p)).orElse("")).toList();
        return Optional.of(r.size() + (r.size() == 1 ? " regression" : " regressions") + " beyond "
                + String.format(Locale.ROOT, "%s%%", trim(c.thresholdPct())) + ": " + listed(names));
    }

    private static String listed(List<String> items) {
        String head = String.join(", ", items.subList(0, Math.min(MAX_LISTED, items.size())));
        return items.size() > MAX_LISTED ? head + " and " + (items.size() - MAX_LISTED) + " more" : head;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
