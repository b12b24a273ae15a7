package dev.kitt.ci.report;

import dev.kitt.ci.compare.Comparison;
import dev.kitt.ci.results.ResultSet;
import dev.kitt.ci.results.RunResult;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The whole pull-request report. It starts with {@link #MARKER}, an HTML comment GitHub does not
 * render, by which the next run finds this comment and updates it instead of adding another.
 */
public final class MarkdownReport {
    public static final String MARKER = "<!-- kitt-benchmark-report -->";
    /** GitHub rejects comment bodies above 65536 characters. */
    public static final int GITHUB_BODY_LIMIT = 65_536;
    private static final int SUMMARY_LIMIT = 20_000;

    private MarkdownReport() {
    }

    public static String render(ResultSet current, Optional<ResultSet> baseline, Optional<Comparison> comparison) {
        StringBuilder out = new StringBuilder();
        out.append(MARKER).append('\n');
        out.append("## KITT benchmark report: ").append(status(current));
        // The heading is what a reviewer sees first, so it carries the regression count too.
        comparison.map(c -> c.regressions().size()).filter(n -> n > 0)
                .ifPresent(n -> out.append(" · 🔴 ").append(n).append(n == 1 ? " regression" : " regressions"));
        out.append("\n\n");
        overview(out, current, baseline);
        BenchmarkSection.append(out, current);
        comparison.ifPresent(c -> ComparisonSection.append(out, c));
        renamedNote(out, current, baseline);
        summaryDetails(out, current);
        return out.toString();
    }

    private static void overview(StringBuilder out, ResultSet current, Optional<ResultSet> baseline) {
        MarkdownTable t = baseline.isPresent() ? new MarkdownTable(" ", "Current", "Baseline") : new MarkdownTable(" ", "Current");
        row(t, "Model", current, baseline, s -> code(s.distinct(RunResult::model)));
        row(t, "Engine", current, baseline, s -> s.distinct(RunResult::engine));
        row(t, "Suite", current, baseline, s -> or(s.distinct(RunResult::suite)));
        row(t, "Status", current, baseline, MarkdownReport::statusDetail);
        row(t, "Hardware", current, baseline, s -> s.distinct(r -> r.hardware().description()));
        if (!current.distinct(r -> r.hardware().fingerprint()).isEmpty()
                || baseline.map(b -> !b.distinct(r -> r.hardware().fingerprint()).isEmpty()).orElse(false)) {
            row(t, "Fingerprint", current, baseline, s -> code(s.distinct(r -> r.hardware().fingerprint())));
        }
        row(t, "Runs", current, baseline, MarkdownReport::runs);
        t.appendTo(out);
        out.append('\n');
        baseline.ifPresent(b -> comparabilityWarnings(out, current, b));
    }

    private static void row(MarkdownTable t, String label, ResultSet current, Optional<ResultSet> baseline,
                            Function<ResultSet, String> cell) {
        if (baseline.isPresent()) {
            t.row("**" + label + "**", cell.apply(current), cell.apply(baseline.get()));
        } else {
            t.row("**" + label + "**", cell.apply(current));
        }
    }

    private static void comparabilityWarnings(StringBuilder out, ResultSet current, ResultSet baseline) {
        String cur = current.distinct(r -> r.hardware().fingerprint());
        String base = baseline.distinct(r -> r.hardware().fingerprint());
        if (!cur.isEmpty() && !base.isEmpty() && !cur.equals(base)) {
            out.append("> ⚠️ The baseline ran on different hardware: changes may come from the machine, not the code.\n\n");
        }
        if (!current.distinct(RunResult::model).equals(baseline.distinct(RunResult::model))
                || !current.distinct(RunResult::engine).equals(baseline.distinct(RunResult::engine))) {
            out.append("> ⚠️ The baseline used a different model or engine: changes may come from that, not the code.\n\n");
        }
    }

    static String status(ResultSet s) {
        return s.passed() ? "✅ passed" : "❌ failed";
    }

    private static String statusDetail(ResultSet s) {
        long total = s.benchmarkNames().size();
        long passed = s.benchmarkNames().stream().filter(s::benchmarkPassed).count();
        return status(s) + " (" + passed + "/" + total + " benchmarks)";
    }

    private static String runs(ResultSet s) {
        return s.runs().size() == 1 ? "1 (" + code(s.runs().get(0).runId()) + ")" : String.valueOf(s.runs().size());
    }

    private static void renamedNote(StringBuilder out, ResultSet current, Optional<ResultSet> baseline) {
        Map<String, String> renamed = new TreeMap<>(current.renamedMetrics());
        baseline.ifPresent(b -> renamed.putAll(b.renamedMetrics()));
        if (renamed.isEmpty()) {
            return;
        }
        StringBuilder names = new StringBuilder();
        renamed.forEach((from, to) -> names.append(names.length() == 0 ? "" : ", ")
                .append(code(from)).append(" → ").append(code(to)));
        out.append("Metric names written by the original Python KITT were read as KITT's: ").append(names).append(".\n\n");
    }

    private static void summaryDetails(StringBuilder out, ResultSet current) {
        RunResult first = current.runs().get(0);
        first.summaryMarkdown().filter(s -> !s.isBlank()).ifPresent(summary -> {
            String text = summary.length() > SUMMARY_LIMIT
                    ? summary.substring(0, SUMMARY_LIMIT) + "\n\n…(summary.md truncated)" : summary.strip();
            out.append("<details><summary>summary.md")
                    .append(current.runs().size() > 1 ? " of run " + first.runId() : "")
                    .append("</summary>\n\n").append(text).append("\n\n</details>\n");
        });
    }

    /** Keeps the marker and the head of the report when it would not fit in one GitHub comment. */
    public static String fitForGitHub(String report) {
        if (report.length() <= GITHUB_BODY_LIMIT) {
            return report;
        }
        String note = "\n\n…(report truncated to fit in a GitHub comment; the full report is in the CI artifacts)\n";
        return report.substring(0, GITHUB_BODY_LIMIT - note.length()) + note;
    }

    static String code(String s) {
        return s.isEmpty() ? Numbers.NONE : "`" + s.replace("`", "'") + "`";
    }

    private static String or(String s) {
        return s.isEmpty() ? Numbers.NONE : s;
    }
}
