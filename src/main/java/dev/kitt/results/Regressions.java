package dev.kitt.results;

import dev.kitt.ci.compare.BaselineComparison;
import dev.kitt.ci.compare.Comparison;
import dev.kitt.ci.compare.MetricComparison;
import dev.kitt.ci.results.BenchmarkResult;
import dev.kitt.ci.results.HardwareSummary;
import dev.kitt.ci.results.MetricNames;
import dev.kitt.ci.results.ResultSet;
import dev.kitt.ci.results.RunResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stored runs whose metrics got worse than the previous comparable run: same model, engine and
 * benchmark, started earlier. The judgement is kitt ci's ({@link BaselineComparison}: past the
 * threshold, beyond noise when there are repeats, in the metric's own direction), so the dashboard
 * and a CI report never disagree about what a regression is.
 */
public final class Regressions {
    /** How many earlier runs of one model × engine are searched for a baseline, beyond the window's own. */
    private static final int HISTORY = 20;

    private final ResultRepository results;

    public Regressions(ResultRepository results) {
        this.results = results;
    }

    /** {since, threshold_pct, items: [one per run × benchmark with regressions], total}. */
    public Future<JsonObject> since(long since, double thresholdPct, int limit) {
        return results.startedSince(since, limit).compose(window -> {
            Map<String, Integer> perPair = new LinkedHashMap<>();
            window.forEach(r -> perPair.merge(pair(r), 1, Integer::sum));
            List<Future<List<JsonObject>>> histories = new ArrayList<>();
            perPair.forEach((key, n) -> {
                JsonObject any = window.stream().filter(r -> pair(r).equals(key)).findFirst().orElseThrow();
                histories.add(results.latestOf(any.getString("model"), any.getString("engine"),
                        window.get(0).getLong("started_at", Long.MAX_VALUE), n + HISTORY));
            });
            return Future.all(histories).compose(done -> {
                Map<String, List<JsonObject>> byPair = new HashMap<>();
                histories.forEach(f -> f.result().forEach(r ->
                        byPair.computeIfAbsent(pair(r), k -> new ArrayList<>()).add(r)));
                List<String> ids = byPair.values().stream().flatMap(List::stream).map(r -> r.getString("id"))
                        .distinct().toList();
                Future<List<Row>> rows = ids.isEmpty() ? Future.succeededFuture(List.of()) : results.metricsOf(ids);
                return rows.map(metricRows -> judge(window, byPair, benchmarks(metricRows), thresholdPct));
            });
        }).map(items -> new JsonObject().put("since", since).put("threshold_pct", thresholdPct)
                .put("items", items).put("total", items.size()));
    }

    private static String pair(JsonObject run) {
        return run.getString("model") + "\u0000" + run.getString("engine");
    }

    /** run id → benchmark → its results (one per run number), metrics under canonical names. */
    static Map<String, Map<String, List<BenchmarkResult>>> benchmarks(List<Row> rows) {
        Map<String, Map<String, Map<Integer, JsonObject>>> raw = new HashMap<>();
        for (Row row : rows) {
            raw.computeIfAbsent(row.getString("run_id"), k -> new TreeMap<>())
                    .computeIfAbsent(row.getString("test_name"), k -> new TreeMap<>())
                    .computeIfAbsent(row.getInteger("run_number"), k -> new JsonObject())
                    .put(row.getString("name"), row.getDouble("value"));
        }
        Map<String, Map<String, List<BenchmarkResult>>> out = new HashMap<>();
        raw.forEach((run, benches) -> benches.forEach((bench, byNumber) -> byNumber.forEach((n, metrics) ->
                out.computeIfAbsent(run, k -> new TreeMap<>()).computeIfAbsent(bench, k -> new ArrayList<>())
                        .add(new BenchmarkResult(bench, n, true, MetricNames.canonical(metrics, new HashMap<>()), List.of())))));
        return out;
    }

    static JsonArray judge(List<JsonObject> window, Map<String, List<JsonObject>> byPair,
                           Map<String, Map<String, List<BenchmarkResult>>> benches, double thresholdPct) {
        JsonArray items = new JsonArray();
        for (JsonObject run : window) {
            List<JsonObject> history = byPair.getOrDefault(pair(run), List.of());
            benches.getOrDefault(run.getString("id"), Map.of()).forEach((bench, current) ->
                    baseline(run, bench, history, benches).ifPresent(base -> {
                        Comparison c = BaselineComparison.compare(set(run, current),
                                set(base, benches.get(base.getString("id")).get(bench)), thresholdPct,
                                BaselineComparison.DEFAULT_ALPHA);
                        if (!c.regressions().isEmpty()) {
                            items.add(item(run, base, bench, c.regressions()));
                        }
                    }));
        }
        return items;
    }

    /** The latest run of the same model × engine that started before this one and ran this benchmark. */
    private static Optional<JsonObject> baseline(JsonObject run, String bench, List<JsonObject> history,
                                                 Map<String, Map<String, List<BenchmarkResult>>> benches) {
        long at = run.getLong("started_at", 0L);
        return history.stream()
                .filter(h -> !h.getString("id").equals(run.getString("id")) && h.getLong("started_at", 0L) < at)
                .filter(h -> benches.getOrDefault(h.getString("id"), Map.of()).containsKey(bench))
                .max((a, b) -> Long.compare(a.getLong("started_at", 0L), b.getLong("started_at", 0L)));
    }

    private static ResultSet set(JsonObject run, List<BenchmarkResult> results) {
        return new ResultSet(null, List.of(new RunResult(Path.of(run.getString("id")), run.getString("id"),
                run.getString("model"), run.getString("engine"), String.valueOf(run.getString("suite_name")), "",
                true, results, HardwareSummary.from(null, ""), Map.of(), Optional.empty())));
    }

    private static JsonObject item(JsonObject run, JsonObject base, String bench, List<MetricComparison> worse) {
        JsonArray metrics = new JsonArray();
        worse.forEach(m -> metrics.add(new JsonObject().put("metric", m.metric())
                .put("baseline", m.baseline().map(s -> s.mean()).orElse(null))
                .put("current", m.current().map(s -> s.mean()).orElse(null))
                .put("change_pct", m.changePct().orElse(null))
                .put("better", m.direction().name().startsWith("LOWER") ? "lower" : "higher")));
        return new JsonObject().put("run_id", run.getString("id")).put("model", run.getString("model"))
                .put("engine", run.getString("engine")).put("suite_name", run.getString("suite_name"))
                .put("started_at", run.getLong("started_at")).put("benchmark", bench)
                .put("baseline_id", base.getString("id")).put("baseline_started_at", base.getLong("started_at"))
                .put("regressions", metrics);
    }
}
