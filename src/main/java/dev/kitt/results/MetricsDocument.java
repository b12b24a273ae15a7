package dev.kitt.results;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated metrics.json (DESIGN §7 layout, also as the original Python KITT wrote it):
 * the run's summary fields, its benchmarks with their numeric metrics, and the hardware block.
 * Build one with {@link #from(JsonObject)}, which names the JSON path of the first problem.
 */
public record MetricsDocument(
        String runId,
        String kittVersion,
        String suiteName,
        String engine,
        String model,
        boolean passed,
        int totalBenchmarks,
        int passedCount,
        int failedCount,
        Double totalTimeSeconds,
        long startedAt,
        String hardwareFingerprint,
        JsonObject hardware,
        List<Benchmark> benchmarks,
        JsonObject source) {

    public record Benchmark(String testName, String testVersion, int runNumber, boolean passed,
                            Long at, List<String> errors, Map<String, Double> metrics) {
    }

    public static MetricsDocument from(JsonObject doc) {
        DocumentReader r = new DocumentReader(doc, "$");
        String suite = r.requiredString("suite_name");
        String engine = r.requiredString("engine");
        String model = r.requiredString("model");
        long startedAt = r.requiredTimestamp("timestamp");
        boolean passed = r.requiredBoolean("passed");
        JsonArray results = r.requiredArray("results");
        List<Benchmark> benchmarks = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            benchmarks.add(benchmark(r.objectAt("results", results, i)));
        }
        long passedCount = benchmarks.stream().filter(Benchmark::passed).count();
        JsonObject hardware = r.optionalObject("hardware");
        if (hardware == null) {
            hardware = r.optionalObject("system_info");
        }
        String fingerprint = r.optionalString("hardware_fingerprint");
        if (fingerprint == null && hardware != null && hardware.getValue("fingerprint") instanceof String f) {
            fingerprint = f;
        }
        return new MetricsDocument(
                r.optionalString("run_id"),
                r.optionalString("kitt_version"),
                suite, engine, model, passed,
                r.optionalInt("total_benchmarks", benchmarks.size()),
                r.optionalInt("passed_count", (int) passedCount),
                r.optionalInt("failed_count", benchmarks.size() - (int) passedCount),
                r.optionalNumber("total_time_seconds"),
                startedAt, fingerprint, hardware, benchmarks, doc);
    }

    private static Benchmark benchmark(DocumentReader b) {
        String name = b.requiredString("test_name");
        boolean passed = b.requiredBoolean("passed");
        Map<String, Double> metrics = new LinkedHashMap<>();
        JsonObject m = b.optionalObject("metrics");
        if (m != null) {
            for (String key : m.fieldNames()) {
                // Numbers become queryable rows; anything else (notes, nested breakdowns) stays in the document.
                if (m.getValue(key) instanceof Number n && Double.isFinite(n.doubleValue())) {
                    metrics.put(key, n.doubleValue());
                }
            }
        }
        List<String> errors = new ArrayList<>();
        JsonArray errs = b.optionalArray("errors");
        if (errs != null) {
            for (Object e : errs) {
                errors.add(String.valueOf(e));
            }
        }
        Long at = b.has("timestamp") ? b.requiredTimestamp("timestamp") : null;
        return new Benchmark(name, b.optionalString("test_version"), b.optionalInt("run_number", 1),
                passed, at, errors, metrics);
    }
}
