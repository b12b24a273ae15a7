package dev.kitt.ci.results;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("Metric names")
class MetricNamesTest {
    @Test
    @DisplayName("flat and nested Python KITT names are read as KITT's, other names and non-numbers are left alone")
    void canonical() {
        JsonObject metrics = new JsonObject()
                .put("avg_ttft_ms", 88.1)
                .put("p99_latency_ms", 900)
                .put("ttft_ms", new JsonObject().put("p95", 120).put("std_dev", 4.5))
                .put("avg_tps", 41.5)
                .put("per_iteration_latencies_ms", new io.vertx.core.json.JsonArray().add(1).add(2))
                .put("engine_note", "warm");
        Map<String, String> renamed = new LinkedHashMap<>();

        Map<String, Double> out = MetricNames.canonical(metrics, renamed);

        assertEquals(Map.of("ttft_ms_mean", 88.1, "e2e_latency_ms_p99", 900.0, "ttft_ms_p95", 120.0,
                "ttft_ms_stddev", 4.5, "avg_tps", 41.5), out);
        assertEquals(Map.of("avg_ttft_ms", "ttft_ms_mean", "p99_latency_ms", "e2e_latency_ms_p99",
                "ttft_ms.p95", "ttft_ms_p95", "ttft_ms.std_dev", "ttft_ms_stddev"), renamed);
    }

    @Test
    @DisplayName("when a file holds both a KITT name and its Python twin, the KITT value wins")
    void nativeNameWins() {
        Map<String, Double> out = MetricNames.canonical(
                new JsonObject().put("avg_ttft_ms", 1.0).put("ttft_ms_mean", 2.0), new LinkedHashMap<>());

        assertEquals(Map.of("ttft_ms_mean", 2.0), out);
    }
}
