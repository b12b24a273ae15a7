package dev.kitt.quicktests;

import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A quick test goes queued → dispatched → running → completed (or cancelled), following its command. */
class QuickTestLifecycleTest {
    @TempDir
    Path home;

    static String body(String agent, String engine, String suiteKey, String suite) {
        return new JsonObject().put("agent_id", agent).put("model", "org/m1-GGUF").put("engine", engine)
                .put(suiteKey, suite).encode();
    }

    @EveryDialect
    @DisplayName("a quick test completes with its result linked and its logs stored, and a running one can be cancelled")
    void lifecycle(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true);
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)), dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            var created = server.post("/api/v1/quicktests", body("agent-a", "llama_cpp", "suite", "quick"));
            assertEquals(201, created.statusCode(), created.bodyAsString());
            String id = created.bodyAsJsonObject().getString("id");
            // The stand-in agent answers within milliseconds, so the reply may already show it running or done.
            assertTrue(List.of("queued", "dispatched", "running", "completed")
                    .contains(created.bodyAsJsonObject().getString("status")), created.bodyAsString());
            JsonObject done = Poll.until(Duration.ofSeconds(15), () -> server.get("/api/v1/quicktests/" + id)
                    .bodyAsJsonObject(), t -> "completed".equals(t.getString("status")), "the quick test to complete");
            assertNotNull(done.getString("result_id"));
            assertEquals(200, server.get("/api/v1/results/" + done.getString("result_id")).statusCode());
            assertEquals("quick", fleet.runTests.get(0).getJsonObject("payload").getString("suite"));
            assertEquals(id, fleet.runTests.get(0).getJsonObject("payload").getString("sourceId"));
            Poll.until(Duration.ofSeconds(10), () -> server.get("/api/v1/quicktests/" + id + "/logs").bodyAsJsonObject()
                    .getJsonArray("lines").size(), n -> n == 1, "the test's log line");
            assertEquals(409, server.post("/api/v1/quicktests/" + id + "/cancel", "{}").statusCode());

            fleet.hold = p -> true;
            String second = server.post("/api/v1/quicktests", body("agent-a", "vllm", "benchmark", "throughput"))
                    .bodyAsJsonObject().getString("id");
            Poll.until(Duration.ofSeconds(10), () -> server.get("/api/v1/quicktests/" + second).bodyAsJsonObject()
                    .getString("status"), "running"::equals, "the second test to run");
            var cancelled = server.post("/api/v1/quicktests/" + second + "/cancel", "{}");
            assertEquals(200, cancelled.statusCode(), cancelled.bodyAsString());
            assertEquals("cancelled", cancelled.bodyAsJsonObject().getString("status"));
            Poll.until(Duration.ofSeconds(10), () -> fleet.cancels.size(), n -> n == 1, "a cancel command");
            assertEquals(fleet.runTests.get(1).getString("id"),
                    fleet.cancels.get(0).getJsonObject("payload").getString("commandId"));
            assertEquals("cancelled", server.get("/api/v1/quicktests/" + second).bodyAsJsonObject().getString("status"));

            JsonObject page = server.get("/api/v1/quicktests?status=cancelled").bodyAsJsonObject();
            assertEquals(1L, page.getLong("total"));
        }
    }

    @EveryDialect
    @DisplayName("bad quick test requests are 4xx errors that say what is wrong")
    void badInput(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true);
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)), dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            assertCode(server.post("/api/v1/quicktests", body("ghost", "vllm", "suite", "quick")), 400, "unknown_agent");
            assertCode(server.post("/api/v1/quicktests", body("agent-a", "tgi", "suite", "quick")), 400, "unknown_engine");
            assertCode(server.post("/api/v1/quicktests", body("agent-a", "vllm", "suite", "huge")), 400, "unknown_suite");
            assertCode(server.post("/api/v1/quicktests", body("agent-a", "vllm", "benchmark", "vibes")), 400,
                    "unknown_benchmark");
            assertCode(server.post("/api/v1/quicktests", body("agent-a", "mlx", "suite", "quick")), 400,
                    "incompatible_agent");
            assertCode(server.post("/api/v1/quicktests", "{\"agent_id\":\"agent-a\",\"engine\":\"vllm\"}"), 400,
                    "invalid_field");
            assertCode(server.get("/api/v1/quicktests/nope"), 404, "not_found");
            assertCode(server.post("/api/v1/quicktests/nope/cancel", "{}"), 404, "not_found");
            assertEquals(0, fleet.runTests.size());
        }
    }

    private static void assertCode(io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> res, int status,
                                   String code) {
        assertEquals(status, res.statusCode(), res.bodyAsString());
        assertEquals(code, res.bodyAsJsonObject().getString("code"), res.bodyAsString());
    }
}
