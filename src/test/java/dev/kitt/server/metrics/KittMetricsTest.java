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
import java.util.List;
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

    /** The value of the first series of this name whose labels include all the given pairs; null if none. */
    private static Double labelled(PrometheusText t, String name, String... pairs) {
        for (var e : t.samples.entrySet()) {
            String key = e.getKey();
            if (!key.equals(name) && !key.startsWith(name + "{")) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < pairs.length; i += 2) {
                all &= key.contains(pairs[i] + "=\"" + pairs[i + 1] + "\"");
            }
            if (all) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The sum over every series of this name whose labels include the pair. */
    private static double sum(PrometheusText t, String name, String label, String value) {
        return t.samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{")
                && e.getKey().contains(label + "=\"" + value + "\"")).mapToDouble(java.util.Map.Entry::getValue).sum();
    }

    @Test
    @DisplayName("the scrape carries Vert.x pool metrics for the SQL, worker and HTTP client pools, and event-bus metrics")
    void vertxPoolAndEventBusMetrics() {
        // The HTTP client pool exists once the outbound client has connected somewhere: a
        // stand-in Devon on loopback, reached through the Devon status check.
        io.vertx.core.Vertx standIn = io.vertx.core.Vertx.vertx();
        try {
            var devon = dev.kitt.cli.Await.result(standIn.createHttpServer()
                    .requestHandler(r -> r.response().end("{}")).listen(0, "127.0.0.1"));
            assertEquals(200, server.put("/api/v1/settings", new JsonObject()
                    .put("devon_url", "http://127.0.0.1:" + devon.actualPort()).encode()).statusCode());
            JsonObject status = server.get("/api/v1/devon/status").bodyAsJsonObject();
            assertTrue(status.getBoolean("reachable"), status.encode());
            assertEquals(200, server.get("/api/v1/results").statusCode(), "a query through the SQL pool");

            PrometheusText t = until(x -> labelled(x, "vertx_pool_completed_total", "pool_type", "http") != null,
                    "the HTTP client pool's meters");
            for (String type : List.of("sql", "worker", "http")) {
                for (String meter : List.of("vertx_pool_in_use", "vertx_pool_queue_pending", "vertx_pool_ratio",
                        "vertx_pool_usage_seconds_count", "vertx_pool_completed_total")) {
                    assertNotNull(labelled(t, meter, "pool_type", type), meter + " for the " + type + " pool");
                }
                // Work went through the pool: a connection or thread was taken from it at least once.
                assertTrue(sum(t, "vertx_pool_queue_time_seconds_count", "pool_type", type) >= 1,
                        "the " + type + " pools were used: " + t.samples.entrySet().stream()
                                .filter(e -> e.getKey().contains("pool_type=\"" + type + "\"")).toList());
            }
            assertNotNull(labelled(t, "vertx_pool_in_use", "pool_type", "worker", "pool_name", "vert.x-worker-thread"));
            assertTrue(t.value("vertx_eventbus_handlers") >= 5, "KITT's consumers are counted");
            assertTrue(labelled(t, "vertx_eventbus_sent_total", "side", "local") >= 1, "sent messages");
            assertTrue(labelled(t, "vertx_eventbus_delivered_total", "side", "local") >= 1, "delivered messages");
            assertNotNull(labelled(t, "vertx_eventbus_pending", "side", "local"));
        } finally {
            dev.kitt.cli.Await.result(standIn.close());
        }
    }

    @Test
    @DisplayName("an events-stream subscriber moves kitt_sse_subscribers{stream=events} up while connected and down when gone")
    void eventsSubscriberCounted() throws Exception {
        double before = v(scrape(), "kitt_sse_subscribers", "stream", "events");
        io.vertx.core.Vertx clients = io.vertx.core.Vertx.vertx();
        try (var sse = dev.kitt.testing.SseClient.open(clients, server.port(), "/api/v1/events/stream",
                server.token(), null)) {
            assertEquals(200, sse.status());
            until(x -> v(x, "kitt_sse_subscribers", "stream", "events") == before + 1,
                    "the events subscriber to be counted");
        } finally {
            clients.close();
        }
        until(x -> v(x, "kitt_sse_subscribers", "stream", "events") == before, "the events subscriber to be gone");
    }

    @Test
    @DisplayName("a failed run moves kitt_runs_total{outcome=failed} and leaves the passed count alone")
    void failedRunCounted() {
        PrometheusText start = scrape();
        double failed = v(start, "kitt_runs_total", "outcome", "failed");
        double passed = v(start, "kitt_runs_total", "outcome", "passed");
        // Recorded as RunEvents records a fleet run whose metrics.json says passed: false: stored
        // by the events service, which then publishes it.
        dev.kitt.cli.Await.result(server.server().vertx().eventBus().request(Addresses.EVENTS_RECORD,
                new JsonObject().put("type", "run.completed").put("source_id", "r-failed").put("body",
                        new JsonObject().put("run_id", "r-failed").put("passed", false).put("outcome", "failed"))));
        PrometheusText t = until(x -> v(x, "kitt_runs_total", "outcome", "failed") == failed + 1, "the failed run");
        assertEquals(passed, v(t, "kitt_runs_total", "outcome", "passed"));
    }

    @Test
    @DisplayName("with metrics.require_token, /metrics refuses a bad, expired or revoked token with 401 and an agent token with 403")
    void metricsTokenRefusals(@TempDir Path otherHome) {
        var cfg = TestServer.config(otherHome, "");
        cfg = cfg.withSecurity(cfg.security().withMetricsRequireToken(true));
        // The built-in fleet: its registry verifies agent tokens.
        try (TestServer s = TestServer.start(cfg)) {
            String enroll = s.post("/api/v1/enrollment-tokens", "{}").bodyAsJsonObject().getString("token");
            var enrolled = s.send(io.vertx.core.http.HttpMethod.POST, "/api/v1/agents/enroll",
                    new JsonObject().put("enroll_token", enroll).put("name", "gpu-1").encode(), null);
            assertEquals(201, enrolled.statusCode(), enrolled.bodyAsString());
            String agentToken = enrolled.bodyAsJsonObject().getString("token");

            String secret = dev.kitt.cli.Await.result(new dev.kitt.store.SettingsRepository(s.server().context().db())
                    .get("auth.jwt_secret"));
            String adminId = s.get("/api/v1/users/me").bodyAsJsonObject().getString("id");
            JsonObject claims = new JsonObject().put("sub", adminId).put("name", "admin").put("role", "admin");
            long now = System.currentTimeMillis() / 1000;
            io.vertx.core.Vertx jwtVertx = io.vertx.core.Vertx.vertx();
            String expired;
            String forged;
            try {
                expired = jwt(jwtVertx, secret).generateToken(claims.copy().put("exp", now - 120).put("iat", now - 3600),
                        new io.vertx.ext.auth.JWTOptions());
                forged = jwt(jwtVertx, "another-secret-of-enough-length-0123456789abcdef").generateToken(claims,
                        new io.vertx.ext.auth.JWTOptions().setExpiresInMinutes(10));
            } finally {
                dev.kitt.cli.Await.result(jwtVertx.close());
            }
            JsonObject created = s.post("/api/v1/api-tokens", new JsonObject().put("name", "old-scraper")
                    .put("role", "viewer").encode()).bodyAsJsonObject();
            assertEquals(200, metricsWith(s, created.getString("token")).statusCode(), "a live API token scrapes");
            assertEquals(204, s.delete("/api/v1/api-tokens/" + created.getString("id")).statusCode());

            for (var bad : java.util.Map.of("expired JWT", expired, "forged JWT", forged, "garbage", "not-a-token",
                    "revoked API token", created.getString("token"), "unknown agent token", "kitt_agent_nope").entrySet()) {
                var res = metricsWith(s, bad.getValue());
                assertEquals(401, res.statusCode(), bad.getKey() + ": " + res.bodyAsString());
                assertEquals("unauthorized", res.bodyAsJsonObject().getString("code"), bad.getKey());
            }
            var agent = metricsWith(s, agentToken);
            assertEquals(403, agent.statusCode(), agent.bodyAsString());
            assertEquals("forbidden", agent.bodyAsJsonObject().getString("code"));
            assertEquals(200, metricsWith(s, s.token()).statusCode(), "an admin's JWT scrapes");
        }
    }

    private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> metricsWith(TestServer s, String token) {
        return s.send(io.vertx.core.http.HttpMethod.GET, "/metrics", null, token);
    }

    private static io.vertx.ext.auth.jwt.JWTAuth jwt(io.vertx.core.Vertx vertx, String secret) {
        return io.vertx.ext.auth.jwt.JWTAuth.create(vertx, new io.vertx.ext.auth.jwt.JWTAuthOptions().addPubSecKey(
                new io.vertx.ext.auth.PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
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
