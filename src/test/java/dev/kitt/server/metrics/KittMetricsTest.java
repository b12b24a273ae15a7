package dev.kitt.server.metrics;

import dev.kitt.bus.Addresses;
import dev.kitt.testing.Fixtures;
import dev.kitt.testing.TestServer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** /metrics parses strictly, and KITT's own series move when facts are published and runs are imported. */
class KittMetricsTest {
    @TempDir
    static Path home;
    static TestServer server;

    @BeforeAll
    static void start() {
        // The facts are published by the test itself; the real fleet would race it for agent "a1".
        server = TestServer.start(TestServer.config(home, ""), dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static PrometheusText scrape() {
        var res = server.get("/metrics");
        assertEquals(200, res.statusCode());
        assertTrue(res.getHeader("Content-Type").startsWith("text/plain"), res.getHeader("Content-Type"));
        return PrometheusText.parse(res.bodyAsString());
    }

    private static String kittSeries(PrometheusText t) {
        return scrapeText().lines().filter(l -> l.startsWith("kitt_")).collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String scrapeText() {
        return server.get("/metrics").bodyAsString();
    }

    /** Scrapes until the condition holds (facts are delivered asynchronously), for at most 30 seconds (a loaded CI machine delivers late). */
    private static PrometheusText until(Predicate<PrometheusText> condition, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        PrometheusText last = scrape();
        while (!condition.test(last)) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what + "; last scrape:\n" + kittSeries(last));
            }
            last = scrape();
        }
        return last;
    }

    private static double v(PrometheusText t, String name, String... labels) {
        Double d = t.value(name, labels);
        return d == null ? 0 : d;
    }

    @Test
    @DisplayName("the scrape is valid Prometheus text with Vert.x and KITT series")
    void parses() {
        PrometheusText t = scrape();
        assertTrue(t.samples.keySet().stream().anyMatch(k -> k.startsWith("vertx_http_server_")), "Vert.x HTTP meters");
        assertEquals("gauge", t.types.get("kitt_agents"));
        assertEquals(0.0, t.value("kitt_agents", "status", "idle"));
        assertNotNull(t.value("kitt_agent_sockets_connected"));
        assertEquals("histogram", t.types.get("kitt_command_dispatch_seconds"));
    }

    @Test
    @DisplayName("agents, commands, log lines and run outcomes move with the facts on the bus")
    void factsMoveSeries() {
        EventBus bus = server.server().vertx().eventBus();
        bus.publish(Addresses.AGENTS_CONNECTED, new JsonObject().put("agentId", "a1"));
        bus.publish(Addresses.AGENTS_STATUS, new JsonObject().put("agentId", "a1").put("status", "busy"));
        bus.publish(Addresses.AGENTS_HEARTBEAT, new JsonObject().put("agentId", "a1")
                .put("at", System.currentTimeMillis() - 5_000));
        bus.publish(Addresses.COMMANDS_UPDATE, new JsonObject().put("commandId", "c1").put("type", "run_test")
                .put("state", "queued"));
        bus.publish(Addresses.COMMANDS_UPDATE, new JsonObject().put("commandId", "c1").put("type", "run_test")
                .put("state", "acked"));
        bus.publish(Addresses.COMMANDS_UPDATE, new JsonObject().put("commandId", "c1").put("type", "run_test")
                .put("state", "succeeded"));
        bus.publish(Addresses.EVENTS, new JsonObject().put("type", "run.completed")
                .put("data", new JsonObject().put("outcome", "passed")));
        bus.request(Addresses.LOGS_APPEND, new JsonObject().put("sourceId", "qt-1").put("firstSeq", 1)
                .put("lines", new JsonArray().add("one").add("two").add("three")));

        PrometheusText t = until(x -> v(x, "kitt_log_lines_total", "direction", "out") >= 3
                && v(x, "kitt_runs_total", "outcome", "passed") >= 1
                && v(x, "kitt_commands_total", "type", "run_test", "outcome", "succeeded") >= 1
                && v(x, "kitt_agents", "status", "busy") >= 1, "KITT series to move");
        assertEquals(1.0, t.value("kitt_agent_sockets_connected"));
        assertEquals(3.0, t.value("kitt_log_lines_total", "direction", "in"));
        assertEquals(1.0, t.value("kitt_command_dispatch_seconds_count"));
        assertTrue(v(t, "kitt_agent_heartbeat_age_seconds", "agent", "a1") >= 5, "heartbeat age");

        bus.publish(Addresses.AGENTS_DISCONNECTED, new JsonObject().put("agentId", "a1"));
        bus.publish(Addresses.AGENTS_STATUS, new JsonObject().put("agentId", "a1").put("status", "deleted"));
        until(x -> v(x, "kitt_agent_sockets_connected") == 0 && v(x, "kitt_agents", "status", "busy") == 0
                && x.value("kitt_agent_heartbeat_age_seconds", "agent", "a1") == null, "agent a1 to go");
    }

    @Test
    @DisplayName("a real SSE subscriber is counted while it is connected, and no longer once it has gone")
    void sseSubscribersCounted() throws Exception {
        io.vertx.core.Vertx clients = io.vertx.core.Vertx.vertx();
        try (var sse = dev.kitt.testing.SseClient.open(clients, server.port(), "/api/v1/logs/metrics-sse/stream",
                server.token(), null)) {
            assertEquals(200, sse.status());
            until(x -> v(x, "kitt_sse_subscribers", "stream", "logs") == 1, "the log subscriber to be counted");
        } finally {
            clients.close();
        }
        until(x -> v(x, "kitt_sse_subscribers", "stream", "logs") == 0, "the log subscriber to be gone");
    }

    @Test
    @DisplayName("an imported run shows up as latest-result gauges labelled model, engine, benchmark and metric")
    void latestResults() {
        assertEquals(201, server.post("/api/v1/results",
                Fixtures.run("m-1", "vllm", "llama-8b", "2026-03-01T10:00:00Z", 100).encode()).statusCode());
        PrometheusText t = scrape();
        assertEquals(100.0, t.value("kitt_benchmark_result", "model", "llama-8b", "engine", "vllm",
                "benchmark", "throughput", "metric", "output_tokens_per_s"));
        assertEquals(201, server.post("/api/v1/results",
                Fixtures.run("m-2", "vllm", "llama-8b", "2026-03-02T10:00:00Z", 120).encode()).statusCode());
        assertEquals(120.0, scrape().value("kitt_benchmark_result", "model", "llama-8b", "engine", "vllm",
                "benchmark", "throughput", "metric", "output_tokens_per_s"), "the newest run wins");
    }
}
