package dev.kitt.bench;

import dev.kitt.Version;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds metrics.json in the original KITT layout (kitt_version ... results[]), plus run_id,
 * hardware_fingerprint, system_info, partial, error and aggregates across runs.
 */
final class MetricsDocument {
    private MetricsDocument() {
    }

    static JsonObject build(String runId, String suite, String engine, String model, String startedAt,
                            double seconds, List<JsonObject> results, JsonObject hardware, String runError) {
        long passed = results.stream().filter(r -> r.getBoolean("passed")).count();
        boolean partial = runError != null || results.stream().anyMatch(r -> r.getJsonObject("details", new JsonObject())
                .getBoolean("partial", false));
        return new JsonObject()
                .put("kitt_version", Version.current())
                .put("suite_name", suite)
                .put("timestamp", startedAt)
                .put("engine", engine)
                .put("model", model)
                .put("passed", runError == null && !results.isEmpty() && passed == results.size())
                .put("total_benchmarks", results.size())
                .put("passed_count", passed)
                .put("failed_count", results.size() - passed)
                .put("total_time_seconds", Math.round(seconds * 10) / 10.0)
                .put("results", new JsonArray(results))
                .put("run_id", runId)
                .put("hardware_fingerprint", fingerprint(hardware))
                .put("system_info", hardware)
                .put("partial", partial)
                .put("error", runError)
                .put("aggregates", aggregate(results));
    }

    /** The probe's own fingerprint when it gives one, else a hash of what it reported. */
    static String fingerprint(JsonObject hardware) {
        String given = hardware.getString("fingerprint");
        if (given != null) {
            return given;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(hardware.encode().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per test, per numeric metric: mean, sample stddev, min, max and n over the runs. */
    static JsonObject aggregate(List<JsonObject> results) {
        Map<String, Map<String, double[]>> acc = new LinkedHashMap<>();
        for (JsonObject r : results) {
            Map<String, double[]> byMetric = acc.computeIfAbsent(r.getString("test_name"), k -> new LinkedHashMap<>());
            r.getJsonObject("metrics").forEach(e -> {
                if (e.getValue() instanceof Number n) {
                    double v = n.doubleValue();
                    double[] a = byMetric.computeIfAbsent(e.getKey(), k -> new double[]{0, 0, Double.MAX_VALUE, -Double.MAX_VALUE, 0});
                    a[0] += v;
                    a[1] += v * v;
                    a[2] = Math.min(a[2], v);
                    a[3] = Math.max(a[3], v);
                    a[4]++;
                }
            });
        }
        JsonObject out = new JsonObject();
        acc.forEach((test, metrics) -> {
            JsonObject t = new JsonObject();
            metrics.forEach((name, a) -> {
                double n = a[4];
                double mean = a[0] / n;
                double var = n > 1 ? Math.max(0, (a[1] - n * mean * mean) / (n - 1)) : 0;
                t.put(name, new JsonObject().put("mean", r(mean)).put("stddev", r(Math.sqrt(var)))
                        .put("min", r(a[2])).put("max", r(a[3])).put("n", (int) n));
            });
            out.put(test, t);
        });
        return out;
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
