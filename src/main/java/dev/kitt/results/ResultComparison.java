package dev.kitt.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays runs side by side: one row per (benchmark, metric) with each run's value (the mean over
 * repeated run numbers) and the change in percent against the first run.
 */
final class ResultComparison {
    private ResultComparison() {
    }

    static JsonObject build(List<String> ids, List<JsonObject> summaries, List<Row> metricRows) {
        Map<String, JsonObject> byId = new TreeMap<>();
        summaries.forEach(s -> byId.put(s.getString("id"), s));
        // (benchmark, metric) → run id → [sum, count]
        Map<String, Map<String, double[]>> cells = new TreeMap<>();
        for (Row row : metricRows) {
            String key = row.getString("test_name") + "\u0000" + row.getString("name");
            double[] acc = cells.computeIfAbsent(key, k -> new TreeMap<>())
                    .computeIfAbsent(row.getString("run_id"), k -> new double[2]);
            acc[0] += row.getDouble("value");
            acc[1]++;
        }
        JsonArray runs = new JsonArray();
        ids.forEach(id -> runs.add(byId.get(id)));
        JsonArray metrics = new JsonArray();
        cells.forEach((key, perRun) -> {
            String[] parts = key.split("\u0000", 2);
            List<Double> values = new ArrayList<>();
            for (String id : ids) {
                double[] acc = perRun.get(id);
                values.add(acc == null ? null : acc[0] / acc[1]);
            }
            JsonArray deltas = new JsonArray();
            Double base = values.get(0);
            for (Double v : values) {
                deltas.add(base == null || v == null || base == 0 ? null : (v - base) / Math.abs(base) * 100.0);
            }
            metrics.add(new JsonObject().put("benchmark", parts[0]).put("metric", parts[1])
                    .put("values", new JsonArray(new ArrayList<>(values))).put("delta_pct", deltas));
        });
        return new JsonObject().put("runs", runs).put("metrics", metrics);
    }
}
