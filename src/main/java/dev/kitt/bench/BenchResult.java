package dev.kitt.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * What one benchmark run produced.
 *
 * @param metrics numbers only, named as in docs/metrics.md
 * @param notes   facts a reader needs, e.g. a metric that is unavailable on this machine
 * @param details structured extras (token-count source, sweep points, warm-up times)
 */
public record BenchResult(boolean passed, JsonObject metrics, List<String> errors, List<String> notes,
                          JsonObject details) {

    public static BenchResult failed(String error) {
        return new BenchResult(false, new JsonObject(), List.of(error), List.of(), new JsonObject());
    }

    /** The results[] entry of metrics.json (the original KITT layout plus notes and details). */
    public JsonObject toJson(String testName, String version, int runNumber, String timestamp) {
        return new JsonObject().put("test_name", testName).put("test_version", version).put("run_number", runNumber)
                .put("passed", passed).put("metrics", metrics).put("errors", new JsonArray(errors))
                .put("notes", new JsonArray(notes))
                .put("warmup_times", details.getJsonArray("warmup_times", new JsonArray()))
                .put("details", details).put("timestamp", timestamp);
    }
}
