package dev.kitt.quicktests;

import dev.kitt.agents.FleetOptions;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quick tests on a test agent with the real fleet and the real in-server benchmark runner: a
 * cancel or a timeout stops the simulated run itself (its files say so within seconds, long
 * before the standard suite could finish), and no result is stored.
 */
class QuickTestStopTest {
    @TempDir
    Path home;

    private static String testAgent(TestServer server) {
        var res = server.post("/api/v1/agents/test", "{\"name\":\"sim-box\",\"hardware\":{\"gpu\":\"H100\"}}");
        assertEquals(201, res.statusCode(), res.bodyAsString());
        return res.bodyAsJsonObject().getString("id");
    }

    private static String start(TestServer server, String agent, Long timeoutS) {
        JsonObject body = new JsonObject().put("agent_id", agent).put("model", "tiny-sim").put("engine", "vllm")
                .put("suite", "standard");
        if (timeoutS != null) {
            body.put("timeout_s", timeoutS);
        }
        var res = server.post("/api/v1/quicktests", body.encode());
        assertEquals(201, res.statusCode(), res.bodyAsString());
        return res.bodyAsJsonObject().getString("id");
    }

    private static JsonObject test(TestServer server, String id) {
        return server.get("/api/v1/quicktests/" + id).bodyAsJsonObject();
    }

    /** The executor writes metrics.json even for a run that ended early; its error says why it ended. */
    private JsonObject runFiles(String commandId) {
        Path metrics = home.resolve("runs").resolve(commandId).resolve("metrics.json");
        return Poll.until(Duration.ofSeconds(15), () -> {
            try {
                return Files.exists(metrics) ? new JsonObject(Files.readString(metrics)) : null;
            } catch (Exception e) {
                return null; // still being written
            }
        }, m -> m != null, "the stopped run's metrics.json");
    }

    private static long storedResults(TestServer server) {
        return server.get("/api/v1/results").bodyAsJsonObject().getLong("total");
    }

    @Test
    @DisplayName("cancelling a quick test on a test agent stops the simulated run at once and stores no result")
    void cancelStopsTheSimulatedRun() {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")),
                FleetOptions.fast())) {
            String agent = testAgent(server);
            String id = start(server, agent, null);
            JsonObject running = Poll.until(Duration.ofSeconds(20), () -> test(server, id),
                    t -> "running".equals(t.getString("status")), "the quick test to run");
            assertEquals(1800L, running.getLong("timeout_s"));
            // Wait until the benchmark itself is under way, so the cancel has a run to stop.
            Poll.until(Duration.ofSeconds(20), () -> server.get("/api/v1/quicktests/" + id + "/logs").bodyAsJsonObject()
                    .getJsonArray("lines").encode(), l -> l.contains("engine ready"), "the simulated engine to be up");
            var cancelled = server.post("/api/v1/quicktests/" + id + "/cancel", "{}");
            assertEquals(200, cancelled.statusCode(), cancelled.bodyAsString());

            String commandId = test(server, id).getString("command_id");
            JsonObject metrics = runFiles(commandId);
            assertEquals("cancelled", metrics.getString("error"), metrics.encode());
            Poll.until(Duration.ofSeconds(10), () -> server.get("/api/v1/commands/" + commandId).bodyAsJsonObject()
                    .getString("state"), "cancelled"::equals, "the command to be cancelled");
            JsonObject done = test(server, id);
            assertEquals("cancelled", done.getString("status"), done.encode());
            assertNull(done.getString("result_id"));
            assertEquals(0L, storedResults(server));
        }
    }

    @Test
    @DisplayName("a quick test past its timeout is failed as timed out, its simulated run stopped, no result stored")
    void timeoutFailsAndStops() {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")),
                FleetOptions.fast())) {
            String agent = testAgent(server);
            assertEquals(400, server.post("/api/v1/quicktests", new JsonObject().put("agent_id", agent)
                    .put("model", "m").put("engine", "vllm").put("suite", "quick").put("timeout_s", 0).encode())
                    .statusCode());
            String id = start(server, agent, 2L);
            JsonObject failed = Poll.until(Duration.ofSeconds(20), () -> test(server, id),
                    t -> "failed".equals(t.getString("status")), "the quick test to time out");
            assertEquals("timed out after 2 seconds", failed.getString("error"), failed.encode());
            String commandId = failed.getString("command_id");
            assertEquals("timed_out", server.get("/api/v1/commands/" + commandId).bodyAsJsonObject().getString("state"));
            JsonObject metrics = runFiles(commandId);
            assertTrue(String.valueOf(metrics.getString("error")).contains("deadline"), metrics.encode());
            assertEquals(0L, storedResults(server));
        }
    }
}
