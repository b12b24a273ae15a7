package dev.kitt.quicktests;

import dev.kitt.agents.FleetOptions;
import dev.kitt.testing.AgentProcess;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quick tests on a real `kitt agent` child process, which runs each test as a real `kitt run`
 * child of its own (the simulated engine in-process unless a mode says otherwise).
 */
class QuickTestRealAgentTest {
    @TempDir
    Path tmp;

    private static AgentProcess realAgent(TestServer server, Path home) {
        AgentProcess agent = AgentProcess.enrollAndStart("http://127.0.0.1:" + server.port(),
                server.post("/api/v1/enrollment-tokens", "{\"name\":\"qt\",\"ttl_minutes\":5}"), home, "gpu-real");
        Poll.until(Duration.ofSeconds(60), () -> server.get("/api/v1/agents/" + agent.agentId).bodyAsJsonObject()
                .getString("status"), "online"::equals, "the real agent to come online; its output: " + agent.output());
        return agent;
    }

    private static String create(TestServer server, JsonObject body) {
        var created = server.post("/api/v1/quicktests", body.encode());
        assertEquals(201, created.statusCode(), created.bodyAsString());
        return created.bodyAsJsonObject().getString("id");
    }

    private static String logText(TestServer server, String id) {
        return server.get("/api/v1/quicktests/" + id + "/logs").bodyAsJsonObject().getJsonArray("lines").encode();
    }

    @Test
    @DisplayName("a quick test's mode and profile reach the agent's kitt run: docker mode tries docker (and fails "
            + "here for want of a docker daemon), and a profile for another engine is refused by kitt run")
    void modeAndProfileReachKittRun() {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), TestDatabases.urlFor("sqlite")),
                FleetOptions.fast());
             AgentProcess real = realAgent(server, tmp.resolve("agent"))) {
            String id = create(server, new JsonObject().put("agent_id", real.agentId).put("model", "tiny-sim")
                    .put("engine", "sim").put("benchmark", "throughput").put("mode", "docker")
                    .put("profile", "sim-h100"));
            JsonObject done = Poll.until(Duration.ofSeconds(120), () -> server.get("/api/v1/quicktests/" + id)
                            .bodyAsJsonObject(), t -> List.of("completed", "failed").contains(t.getString("status")),
                    "the docker-mode quick test to end");
            assertEquals("failed", done.getString("status"), done.encode() + "\nagent: " + real.output());
            // (The logged command line is cut short by the log's line limit: the classpath is long.)
            String log = Poll.until(Duration.ofSeconds(20), () -> logText(server, id),
                    l -> l.contains("docker pull kitt/engine-sim:latest failed"), "the docker attempt in the log");
            // The in-process simulator never ran: kitt run went to the docker runtime as told.
            assertTrue(!log.contains("throughput (run 1): passed"), log);

            // The profile travels too: one kitt run cannot use shows up in kitt run's own error.
            String profiled = create(server, new JsonObject().put("agent_id", real.agentId).put("model", "tiny-sim")
                    .put("engine", "sim").put("benchmark", "throughput").put("profile", "vllm-fp8-kv"));
            JsonObject refused = Poll.until(Duration.ofSeconds(120), () -> server.get("/api/v1/quicktests/" + profiled)
                            .bodyAsJsonObject(), t -> List.of("completed", "failed").contains(t.getString("status")),
                    "the quick test with a vLLM profile to end");
            assertEquals("failed", refused.getString("status"), refused.encode() + "\nagent: " + real.output());
            Poll.until(Duration.ofSeconds(20), () -> logText(server, profiled),
                    l -> l.contains("profile 'vllm-fp8-kv' is for engine vllm, not sim"), "kitt run's profile error");
        }
    }

    @Test
    @DisplayName("cancelling a quick test on a real agent kills its kitt run process; the test ends cancelled "
            + "and no result is stored")
    void cancelKillsTheBenchmarkProcess() {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), TestDatabases.urlFor("sqlite")),
                FleetOptions.fast());
             AgentProcess real = realAgent(server, tmp.resolve("agent"))) {
            assertEquals(List.of(), real.children(), "no benchmark runs before the test");
            // The performance suite runs for minutes on the simulated engine: long enough to cancel mid-run.
            String id = create(server, new JsonObject().put("agent_id", real.agentId).put("model", "tiny-sim")
                    .put("engine", "sim").put("suite", "performance"));
            Poll.until(Duration.ofSeconds(60), () -> server.get("/api/v1/quicktests/" + id).bodyAsJsonObject()
                    .getString("status"), "running"::equals, "the quick test to run");
            List<ProcessHandle> runs = Poll.until(Duration.ofSeconds(60), real::children, c -> !c.isEmpty(),
                    "the agent's kitt run process");
            assertTrue(runs.get(0).info().command().orElse("").endsWith("java"), runs.get(0).info().toString());
            // It is measuring, not just starting: the log shows the benchmark under way.
            Poll.until(Duration.ofSeconds(60), () -> logText(server, id), l -> l.contains("throughput"),
                    "the benchmark to start");

            var cancelled = server.post("/api/v1/quicktests/" + id + "/cancel", "{}");
            assertEquals(200, cancelled.statusCode(), cancelled.bodyAsString());
            Poll.until(Duration.ofSeconds(30), () -> runs.stream().filter(ProcessHandle::isAlive).count(), n -> n == 0,
                    "the kitt run process to be killed");
            assertEquals(List.of(), real.children());

            String commandId = server.get("/api/v1/quicktests/" + id).bodyAsJsonObject().getString("command_id");
            JsonObject command = Poll.until(Duration.ofSeconds(30), () -> server.get("/api/v1/commands/" + commandId)
                    .bodyAsJsonObject(), c -> "cancelled".equals(c.getString("state")), "the agent to report the "
                    + "command cancelled");
            assertNull(command.getValue("result"), command.encode());
            JsonObject test = server.get("/api/v1/quicktests/" + id).bodyAsJsonObject();
            assertEquals("cancelled", test.getString("status"), test.encode());
            assertNull(test.getString("result_id"), test.encode());
            assertEquals(0L, server.get("/api/v1/results").bodyAsJsonObject().getLong("total"));
        }
    }
}
