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
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A quick test goes queued → dispatched → running → completed (or cancelled), following its command. */
class QuickTestLifecycleTest {
    @TempDir
    Path home;

    private static final List<String> LIFECYCLE = List.of("queued", "dispatched", "running", "completed");

    /** Reads the test's status and notes it, so the test can check the order of everything it saw. */
    private static String observe(TestServer server, String id, List<String> seen) {
        return observe(server.get("/api/v1/quicktests/" + id).bodyAsJsonObject(), seen);
    }

    private static String observe(JsonObject test, List<String> seen) {
        seen.add(test.getString("status"));
        return test.getString("status");
    }

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
            // Held on the agent until the test lets it finish, so the running state is there to be seen.
            fleet.hold = p -> true;
            var created = server.post("/api/v1/quicktests", body("agent-a", "llama_cpp", "suite", "quick"));
            assertEquals(201, created.statusCode(), created.bodyAsString());
            String id = created.bodyAsJsonObject().getString("id");
            List<String> seen = new ArrayList<>(List.of(created.bodyAsJsonObject().getString("status")));
            Poll.until(Duration.ofSeconds(15), () -> observe(server, id, seen), "running"::equals, "the test to run");
            fleet.complete(fleet.runTests.get(0).getString("id"));
            JsonObject done = Poll.until(Duration.ofSeconds(15), () -> server.get("/api/v1/quicktests/" + id)
                    .bodyAsJsonObject(), t -> "completed".equals(observe(t, seen)), "the quick test to complete");
            // Never a step back: each state seen is at or after the one seen before it.
            List<Integer> steps = seen.stream().map(LIFECYCLE::indexOf).toList();
            assertTrue(!steps.contains(-1) && steps.equals(steps.stream().sorted().toList()),
                    "states seen in lifecycle order (queued → dispatched → running → completed): " + seen);
            assertTrue(seen.containsAll(List.of("running", "completed")), seen.toString());
            assertTrue(done.getLong("created_at") <= done.getLong("started_at")
                    && done.getLong("started_at") <= done.getLong("finished_at"), done.encode());
            assertNotNull(done.getString("result_id"));
            assertEquals(200, server.get("/api/v1/results/" + done.getString("result_id")).statusCode());
            assertEquals("quick", fleet.runTests.get(0).getJsonObject("payload").getString("suite"));
            assertEquals(id, fleet.runTests.get(0).getJsonObject("payload").getString("sourceId"));
            Poll.until(Duration.ofSeconds(10), () -> server.get("/api/v1/quicktests/" + id + "/logs").bodyAsJsonObject()
                    .getJsonArray("lines").size(), n -> n == 1, "the test's log line");
            assertEquals(409, server.post("/api/v1/quicktests/" + id + "/cancel", "{}").statusCode());

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
            JsonObject endpointMode = new JsonObject(body("agent-a", "vllm", "suite", "quick")).put("mode", "endpoint");
            var noUrl = server.post("/api/v1/quicktests", endpointMode.encode());
            assertCode(noUrl, 400, "invalid_field");
            assertEquals("endpoint", noUrl.bodyAsJsonObject().getString("field"), noUrl.bodyAsString());
            assertCode(server.post("/api/v1/quicktests", endpointMode.put("endpoint", "gpu-1").encode()), 400,
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
