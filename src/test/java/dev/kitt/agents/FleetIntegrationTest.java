package dev.kitt.agents;

import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;

import static dev.kitt.agents.FleetHarness.await;
import static dev.kitt.agents.FleetHarness.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("A real agent daemon on loopback")
class FleetIntegrationTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(tmp.resolve("server"), null), FleetOptions.fast().withoutBuiltInBenchmarks());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String status(String agentId) {
        return server.get("/api/v1/agents/" + agentId).bodyAsJsonObject().getString("status");
    }

    @Test
    @DisplayName("enrols, connects, heartbeats, runs a test it was sent, and its log and result are stored")
    void fullLifecycle() throws Exception {
        Path home = tmp.resolve("agent");
        String agentId = FleetHarness.enroll(server, home, "gpu-01");
        Path gate = tmp.resolve("gate");
        Path counter = tmp.resolve("count");
        Files.createFile(gate);
        try (var agent = new FleetHarness.Agent(home, FleetHarness.standInCommand(gate, counter))) {
            await("online", WAIT, () -> "online".equals(status(agentId)), () -> status(agentId));
            await("a stored heartbeat", WAIT, () -> server.get("/api/v1/agents/" + agentId).bodyAsJsonObject()
                    .getValue("last_heartbeat_at") != null);
            JsonObject rec = server.get("/api/v1/agents/" + agentId).bodyAsJsonObject();
            assertNotNull(rec.getJsonObject("hardware"), rec.encode());
            assertNotNull(rec.getString("version"), rec.encode());

            String id = FleetHarness.submit(server, agentId,
                    "{\"type\":\"run_test\",\"payload\":{\"model\":\"tiny-model\",\"engine\":\"sim\"}}");
            await("succeeded", WAIT, () -> "succeeded".equals(command(server, id).getString("state")));
            JsonObject cmd = command(server, id);
            assertNotNull(cmd.getLong("acked_at"), "the agent acked it");
            String resultId = cmd.getJsonObject("result").getString("result_id");
            JsonObject run = server.get("/api/v1/results/" + resultId).bodyAsJsonObject();
            assertEquals("tiny-model", run.getString("model"), run.encode());
            var logs = dev.kitt.cli.Await.result(server.server().context().db()
                    .query("SELECT line FROM logs WHERE source_id = ? ORDER BY seq", id));
            StringBuilder all = new StringBuilder();
            logs.forEach(r -> all.append(r.getString(0)).append('\n'));
            assertTrue(all.toString().contains("stand-in benchmark: model=tiny-model"), all.toString());
            assertEquals(1, FleetHarness.lines(counter));
        }
        await("offline once the agent stops", WAIT, () -> "offline".equals(status(agentId)));
    }

    @Test
    @DisplayName("a real agent runs `kitt run` on the simulated engine as a child process; its log and result are stored")
    void realAgentRunsKittRun() throws Exception {
        Path home = tmp.resolve("agent-real");
        String agentId = FleetHarness.enroll(server, home, "gpu-real");
        // The agent's own command line for run_test, with this JVM's classpath instead of KITT_HOME/kitt.jar.
        List<String> kittRun = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kitt.Main", "run", "-m", "{model}", "-e", "{engine}",
                "-s", "{suite}", "--profile", "{profile}", "-o", "{output}");
        try (var agent = new FleetHarness.Agent(home, kittRun)) {
            await("online", WAIT, () -> "online".equals(status(agentId)), () -> status(agentId));
            String id = FleetHarness.submit(server, agentId,
                    "{\"type\":\"run_test\",\"payload\":{\"model\":\"tiny-sim\",\"engine\":\"sim\",\"suite\":\"quick\"}}");
            await("finished", java.time.Duration.ofSeconds(120), () -> {
                String state = command(server, id).getString("state");
                return "succeeded".equals(state) || "failed".equals(state);
            });
            JsonObject cmd = command(server, id);
            assertEquals("succeeded", cmd.getString("state"), cmd.encode());
            JsonObject run = server.get("/api/v1/results/" + cmd.getJsonObject("result").getString("result_id"))
                    .bodyAsJsonObject();
            assertEquals("sim", run.getString("engine"), run.encode());
            assertEquals(agentId, run.getString("agent_id"));
            JsonObject throughput = run.getJsonObject("document").getJsonArray("results").getJsonObject(0);
            assertTrue(throughput.getJsonObject("metrics").getDouble("output_tokens_per_s") > 0, throughput.encode());
            var logs = dev.kitt.cli.Await.result(server.server().context().db()
                    .query("SELECT line FROM logs WHERE source_id = ? ORDER BY seq", id));
            StringBuilder all = new StringBuilder();
            logs.forEach(r -> all.append(r.getString(0)).append('\n'));
            assertTrue(all.toString().contains("mmlu (run 1): passed"), all.toString());
            try (var left = Files.list(home.resolve("runs"))) {
                assertEquals(List.of(), left.toList(), "the run's output directory is removed once its result is sent");
            }
        }
    }

    @Test
    @DisplayName("pushes changed settings to a connected agent at once, and refuses out-of-range ones")
    void settingsPushedLive() throws Exception {
        Path home = tmp.resolve("agent");
        String agentId = FleetHarness.enroll(server, home, "gpu-02");
        try (var agent = new FleetHarness.Agent(home, null)) {
            await("connected", WAIT, agent.daemon::isConnected);
            assertEquals(200, server.put("/api/v1/agents/" + agentId + "/settings",
                    "{\"auto_cleanup\":true,\"heartbeat_interval_s\":30}").statusCode());
            await("settings pushed", WAIT, () -> agent.daemon.currentSettings().getBoolean("auto_cleanup", false));
            var bad = server.put("/api/v1/agents/" + agentId + "/settings", "{\"heartbeat_interval_s\":5}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.bodyAsJsonObject().getString("error").contains("10 to 300"));
        }
    }

    @Test
    @DisplayName("a test agent with chosen hardware is online and runs a quick test inside the server with a real result")
    void testAgentRunsInServer() {
        BenchmarkStandIn bench = BenchmarkStandIn.register(server.server().vertx());
        var created = server.post("/api/v1/agents/test", "{\"name\":\"sim-a100\",\"hardware\":{\"gpu\":\"NVIDIA A100\","
                + "\"gpu_count\":2,\"vram_gb\":80,\"cores\":32,\"ram_gb\":256}}");
        assertEquals(201, created.statusCode(), created.bodyAsString());
        JsonObject agent = created.bodyAsJsonObject();
        assertTrue(agent.getBoolean("is_test"));
        assertEquals("online", agent.getString("status"));
        String id = FleetHarness.submit(server, agent.getString("id"),
                "{\"type\":\"run_test\",\"payload\":{\"model\":\"llama-sim\",\"engine\":\"sim\",\"suite\":\"quick\"}}");
        await("succeeded", WAIT, () -> "succeeded".equals(command(server, id).getString("state")));
        JsonObject request = bench.requests.getJsonObject(0);
        assertEquals(id, request.getString("sourceId"));
        String resultId = command(server, id).getJsonObject("result").getString("result_id");
        JsonObject run = server.get("/api/v1/results/" + resultId).bodyAsJsonObject();
        assertEquals("llama-sim", run.getString("model"));
        var lines = dev.kitt.cli.Await.result(server.server().context().db()
                .query("SELECT seq FROM logs WHERE source_id = ? ORDER BY seq", id));
        assertEquals(3, lines.size(), "runner line then the benchmark's two lines");
    }

    @Test
    @DisplayName("an agent whose heartbeats stop goes stale, then offline, and the change is published")
    void staleThenOffline() throws Exception {
        Path home = tmp.resolve("agent");
        String agentId = FleetHarness.enroll(server, home, "quiet");
        var statuses = new java.util.concurrent.CopyOnWriteArrayList<String>();
        server.server().vertx().eventBus().<JsonObject>consumer(dev.kitt.bus.Addresses.AGENTS_STATUS,
                m -> statuses.add(m.body().getString("new")));
        try (var raw = new FleetHarness.RawSocket(server.port(), FleetHarness.token(home))) {
            raw.send("{\"type\":\"hello\",\"protocol\":1,\"agentId\":\"" + agentId + "\",\"version\":\"t\"}");
            raw.next("welcome");
            await("stale", WAIT, () -> statuses.contains("stale"));
            await("offline", WAIT, () -> "offline".equals(status(agentId)));
            await("offline published", WAIT, () -> statuses.contains("offline"));
            assertEquals(java.util.List.of("online", "stale", "offline"), statuses);
        }
    }
}
