package dev.kitt.cli;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KittRunSimEndToEndTest {
    private final List<JsonObject> stored = Collections.synchronizedList(new ArrayList<>());
    private final RunSinkFactory sink = (vertx, home) -> metrics -> {
        stored.add(metrics);
        return Future.succeededFuture("stored-" + stored.size());
    };

    @TempDir
    Path dir;

    private int kitt(String... args) {
        System.setProperty("kitt.home", dir.resolve("home").toString());
        return KittCommand.commandLine(sink).execute(args);
    }

    @Test
    @DisplayName("kitt run -e sim -s quick finishes in seconds and writes the four files in the KITT layout")
    void quickSuiteWritesTheFourFiles() throws IOException {
        long t0 = System.nanoTime();
        int exit = kitt("run", "-m", "tiny-model", "-e", "sim", "-s", "quick", "-o", dir.resolve("q").toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, exit);
        assertTrue(seconds < 20, "quick took " + seconds + " s");
        JsonObject m = checkFiles(dir.resolve("q"), "quick", 3);
        assertEquals(List.of("throughput", "streaming_latency", "mmlu"), names(m));
        JsonObject tp = m.getJsonArray("results").getJsonObject(0).getJsonObject("metrics");
        for (String k : List.of("ttft_ms_mean", "ttft_ms_p50", "ttft_ms_p90", "ttft_ms_p99", "itl_ms_p50", "tpot_ms_p99",
                "e2e_latency_ms_p99", "output_tokens_per_s", "requests_per_s", "goodput_requests_per_s", "error_rate",
                "total_output_tokens")) {
            assertTrue(tp.containsKey(k), "throughput lacks " + k);
        }
        assertEquals(16 * 32, tp.getLong("total_output_tokens"));
        assertTrue(m.getJsonArray("results").getJsonObject(2).getJsonObject("metrics").containsKey("accuracy"));
        assertEquals(1, stored.size(), "the run went to the RunSink");
        assertEquals(m.getString("run_id"), stored.get(0).getString("run_id"));
    }

    @Test
    @DisplayName("The standard suite runs every benchmark on the sim, with shrunk settings, and aggregates across runs")
    void standardSuiteAggregatesRuns() throws IOException {
        int exit = kitt("run", "-m", "tiny-model", "-e", "sim", "-s", "standard", "--runs", "2", "-o", dir.resolve("s").toString(),
                "--set", "*.requests=4", "--set", "*.concurrency=2", "--set", "*.max_tokens=8", "--set", "*.limit=4",
                "--set", "*.warmup_requests=1", "--set", "gsm8k.max_tokens=8");
        assertEquals(0, exit);
        JsonObject m = checkFiles(dir.resolve("s"), "standard", 18);
        assertEquals(List.of("throughput", "latency", "streaming_latency", "memory", "warmup_analysis", "mmlu", "gsm8k",
                "truthfulqa", "hellaswag"), names(m).subList(0, 9));
        JsonObject agg = m.getJsonObject("aggregates").getJsonObject("throughput").getJsonObject("output_tokens_per_s");
        assertEquals(2, agg.getInteger("n"));
        assertTrue(agg.getDouble("min") <= agg.getDouble("mean") && agg.getDouble("mean") <= agg.getDouble("max"));
        assertTrue(agg.containsKey("stddev"));
        JsonObject memory = m.getJsonArray("results").getJsonObject(3);
        assertFalse(memory.getJsonObject("metrics").containsKey("gpu_memory_peak_mb"), "no GPU here: never a fake 0");
        assertTrue(memory.getJsonArray("notes").getString(0).startsWith("gpu_memory_peak_mb unavailable"));
    }

    @Test
    @DisplayName("The performance suite's concurrency sweep runs on the sim and reports every sweep point")
    void performanceSuiteSweeps() throws IOException {
        int exit = kitt("run", "-m", "tiny-model", "-e", "sim", "-s", "performance", "--runs", "1", "-o", dir.resolve("p").toString(),
                "--set", "*.requests=4", "--set", "*.concurrency=2", "--set", "*.max_tokens=8", "--set", "*.input_tokens=16",
                "--set", "*.warmup_requests=1", "--set", "load.duration_s=0.5", "--set", "load.sweep={\"concurrency\":[1,4]}");
        assertEquals(0, exit);
        JsonObject m = checkFiles(dir.resolve("p"), "performance", 5);
        JsonObject load = m.getJsonArray("results").getJsonObject(2);
        assertEquals("load", load.getString("test_name"));
        JsonArray sweep = load.getJsonObject("details").getJsonArray("sweep");
        assertEquals(2, sweep.size());
        assertEquals(4.0, sweep.getJsonObject(1).getDouble("concurrency"));
    }

    private static JsonObject checkFiles(Path out, String suite, int results) throws IOException {
        for (String f : List.of("metrics.json", "summary.md", "hardware.json", "config.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " written");
        }
        JsonObject m = new JsonObject(Files.readString(out.resolve("metrics.json")));
        for (String k : List.of("kitt_version", "suite_name", "timestamp", "engine", "model", "passed", "total_benchmarks",
                "passed_count", "failed_count", "total_time_seconds", "results", "run_id", "hardware_fingerprint")) {
            assertTrue(m.containsKey(k), "metrics.json lacks " + k);
        }
        assertEquals(suite, m.getString("suite_name"));
        assertEquals("sim", m.getString("engine"));
        assertEquals(results, m.getInteger("total_benchmarks"));
        assertEquals(results, m.getJsonArray("results").size());
        for (Object o : m.getJsonArray("results")) {
            JsonObject r = (JsonObject) o;
            for (String k : List.of("test_name", "test_version", "run_number", "passed", "metrics", "errors", "timestamp")) {
                assertNotNull(r.getValue(k), "result lacks " + k);
            }
            assertTrue(r.getBoolean("passed"), r.encode());
        }
        assertTrue(Files.readString(out.resolve("summary.md")).contains("PASSED"));
        assertEquals(m.getString("run_id"), new JsonObject(Files.readString(out.resolve("config.json"))).getString("run_id"));
        return m;
    }

    private static List<String> names(JsonObject m) {
        return m.getJsonArray("results").stream().map(o -> ((JsonObject) o).getString("test_name")).toList();
    }
}
