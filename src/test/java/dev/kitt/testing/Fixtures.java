package dev.kitt.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test documents: the original Python KITT's metrics.json and variations of it. */
public final class Fixtures {
    private Fixtures() {
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pythonMetrics() {
        return resource("fixtures/python-kitt-metrics.json");
    }

    /** A KITT-layout run with one throughput benchmark, for filters and comparisons. */
    public static JsonObject run(String runId, String engine, String model, String timestamp, double tokensPerS) {
        return new JsonObject()
                .put("kitt_version", "0.1.0").put("run_id", runId).put("suite_name", "quick")
                .put("timestamp", timestamp).put("engine", engine).put("model", model)
                .put("passed", true).put("total_benchmarks", 1).put("passed_count", 1).put("failed_count", 0)
                .put("total_time_seconds", 12.5)
                .put("results", new JsonArray().add(new JsonObject()
                        .put("test_name", "throughput").put("test_version", "1.0.0").put("run_number", 1)
                        .put("passed", true).put("errors", new JsonArray()).put("timestamp", timestamp)
                        .put("metrics", new JsonObject().put("output_tokens_per_s", tokensPerS)
                                .put("ttft_ms_p50", 1000.0 / tokensPerS))));
    }
}
