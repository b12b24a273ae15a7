package dev.kitt.ci.spread;

import dev.kitt.ci.report.Numbers;
import dev.kitt.ci.results.RunResult;
import dev.kitt.ci.stats.SampleStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Prints the spread as an aligned text table, as JSON for scripts, or as Markdown for docs and issues. */
public final class SpreadRenderer {
    private static final List<String> HEADER =
            List.of("benchmark", "metric", "better", "n", "min", "max", "mean", "stddev", "cv");

    private SpreadRenderer() {
    }

    public static String render(SpreadFormat format, List<RunResult> runs, List<MetricSpread> spreads) {
        return switch (format) {
            case json -> json(runs, spreads).encodePrettily() + "\n";
            case markdown -> markdown(runs, spreads);
            case table -> table(runs, spreads);
        };
    }

    private static JsonObject json(List<RunResult> runs, List<MetricSpread> spreads) {
        JsonArray runList = new JsonArray();
        runs.forEach(r -> runList.add(new JsonObject().put("directory", r.directory().toString())
                .put("run_id", r.runId()).put("model", r.model()).put("engine", r.engine()).put("passed", r.passed())));
        JsonArray metrics = new JsonArray();
        for (MetricSpread m : spreads) {
            SampleStats s = m.stats();
            metrics.add(new JsonObject().put("benchmark", m.benchmark()).put("metric", m.metric())
                    .put("better", m.direction().name().toLowerCase(java.util.Locale.ROOT))
                    .put("n", s.n()).put("min", s.min()).put("max", s.max()).put("mean", s.mean())
                    .put("stddev", finiteOrNull(s.stddev())).put("cv", finiteOrNull(s.cv())));
        }
        return new JsonObject().put("runs", runList).put("metrics", metrics);
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static List<String> cells(MetricSpread m) {
        SampleStats s = m.stats();
        return List.of(m.benchmark(), m.metric(), m.direction().arrow(), String.valueOf(s.n()),
                Numbers.value(s.min()), Numbers.value(s.max()), Numbers.value(s.mean()),
                Numbers.value(s.stddev()), Double.isNaN(s.cv()) ? Numbers.NONE : String.format(java.util.Locale.ROOT, "%.2f%%", s.cv() * 100));
    }

    private static String runsLine(List<RunResult> runs) {
        List<String> names = runs.stream().map(r -> r.directory() + " (" + r.model() + ", " + r.engine() + ")").toList();
        return runs.size() + " runs: " + String.join("; ", names);
    }

    private static String markdown(List<RunResult> runs, List<MetricSpread> spreads) {
        StringBuilder out = new StringBuilder(runsLine(runs)).append("\n\n");
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|---|---|:---:|---:|---:|---:|---:|---:|---:|\n");
        spreads.forEach(m -> out.append("| ").append(String.join(" | ",
                cells(m).stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n"));
        return out.toString();
    }

    private static String table(List<RunResult> runs, List<MetricSpread> spreads) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        spreads.forEach(m -> rows.add(cells(m)));
        int[] width = new int[HEADER.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        StringBuilder out = new StringBuilder(runsLine(runs)).append("\n\n");
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                // Names read left-aligned, numbers right-aligned so their digits line up.
                String cell = r.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(i < 3 ? cell + pad : pad + cell).append(i < r.size() - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
