package dev.kitt.campaigns;

import dev.kitt.agents.FleetOptions;
import dev.kitt.cli.Await;
import dev.kitt.testing.AgentProcess;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.Poll;
import dev.kitt.testing.SseClient;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance, with the real fleet: registry, gateway, dispatch and the in-server
 * benchmark runner; two test agents (simulated runs inside the server) and one real `kitt agent`
 * child process that runs each test through the real `kitt run` on the simulated engine.
 */
class CampaignRealFleetTest {
    @TempDir
    Path tmp;

    private static String testAgent(TestServer server, String name) {
        var res = server.post("/api/v1/agents/test", new JsonObject().put("name", name)
                .put("hardware", new JsonObject().put("gpu", "H100")).encode());
        assertEquals(201, res.statusCode(), res.bodyAsString());
        return res.bodyAsJsonObject().getString("id");
    }

    private static AgentProcess realAgent(TestServer server, Path home) {
        AgentProcess agent = AgentProcess.enrollAndStart("http://127.0.0.1:" + server.port(),
                server.post("/api/v1/enrollment-tokens", "{\"name\":\"acceptance\",\"ttl_minutes\":5}"), home, "gpu-real");
        Poll.until(Duration.ofSeconds(60), () -> server.get("/api/v1/agents/" + agent.agentId).bodyAsJsonObject()
                .getString("status"), "online"::equals, "the real agent to come online; its output: " + agent.output());
        return agent;
    }

    static String campaign(String t1, String t2, String real) {
        // llama_cpp runs only where it is simulated (the test agents); the real agent has no
        // llama.cpp, so the simulated engine's runs are pinned to it.
        return """
                campaign_name: acceptance
                """ + CampaignFlowTest.THREE_MODELS + """
                engines:
                  - name: llama_cpp
                    suite: quick
                    formats: [gguf]
                    agents: [%s, %s]
                  - name: sim
                    suite: quick
                    agents: [%s]
                agents: [%s, %s, %s]
                """.formatted(t1, t2, real, t1, t2, real);
    }

    private static List<Row> rows(TestServer server, String sql, Object... params) {
        List<Row> out = new java.util.ArrayList<>();
        Await.result(server.server().context().db().query(sql, params)).forEach(out::add);
        return out;
    }

    @EveryDialect
    @DisplayName("3 models × 2 engines × quick over 2 test agents and 1 real agent process: every test runs once, "
            + "every result is stored once, the rollup matches the store")
    void acceptance(String dialect) {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve(dialect), TestDatabases.urlFor(dialect)),
                FleetOptions.fast());
             AgentProcess real = realAgent(server, tmp.resolve(dialect + "-agent"))) {
            String t1 = testAgent(server, "sim-1");
            String t2 = testAgent(server, "sim-2");
            var created = server.post("/api/v1/campaigns", new JsonObject().put("yaml", campaign(t1, t2, real.agentId))
                    .put("launch", true).encode());
            assertEquals(201, created.statusCode(), created.bodyAsString());
            String id = created.bodyAsJsonObject().getString("id");
            JsonObject done = Poll.until(Duration.ofSeconds(240), () -> server.get("/api/v1/campaigns/" + id)
                    .bodyAsJsonObject(), c -> !"running".equals(c.getString("status")), "the campaign to finish");
            assertEquals("completed", done.getString("status"), done.encodePrettily() + "\nagent: " + real.output());

            JsonObject counts = done.getJsonObject("counts");
            assertEquals(6L, counts.getLong("planned"));
            assertEquals(6L, counts.getLong("succeeded"), counts.encode());
            assertEquals(0L, counts.getLong("failed") + counts.getLong("skipped") + counts.getLong("cancelled"));

            // Every planned test ran exactly once: one attempt, one run_test command, one stored result.
            Set<String> resultIds = new HashSet<>();
            for (Object o : done.getJsonArray("runs")) {
                JsonObject r = (JsonObject) o;
                assertEquals(1, r.getInteger("attempts"), r.encode());
                assertNotNull(r.getString("result_id"), r.encode());
                resultIds.add(r.getString("result_id"));
                String expectedAgents = "sim".equals(r.getString("engine")) ? real.agentId : t1 + "|" + t2;
                assertTrue(r.getString("agent_id").matches(expectedAgents), r.encode());
            }
            assertEquals(6, resultIds.size());
            List<Row> commands = rows(server, "SELECT payload FROM commands WHERE type = 'run_test'");
            assertEquals(6, commands.stream().filter(c -> id.equals(new JsonObject(c.getString(0))
                    .getString("campaignId"))).count());
            assertEquals(6L, rows(server, "SELECT COUNT(*) FROM runs").get(0).getLong(0));
            for (String rid : resultIds) {
                assertEquals(1L, rows(server, "SELECT COUNT(*) FROM runs WHERE id = ?", rid).get(0).getLong(0));
            }
            // The real agent's results came through its own `kitt run` (the simulated engine, stored as from that agent).
            List<Row> fromReal = rows(server, "SELECT engine FROM runs WHERE agent_id = ?", real.agentId);
            assertEquals(3, fromReal.size());
            fromReal.forEach(r -> assertEquals("sim", r.getString(0)));

            // The rollup has one row per planned run (seq 1..6), each succeeded with its own result id
            // that the results table holds for that model × engine.
            JsonObject report = server.get("/api/v1/campaigns/" + id + "/report").bodyAsJsonObject();
            JsonArray rollupRows = report.getJsonArray("runs");
            assertEquals(List.of(1, 2, 3, 4, 5, 6), rollupRows.stream().map(o -> ((JsonObject) o).getInteger("seq"))
                    .sorted().toList());
            Set<String> rolledUp = new HashSet<>();
            for (Object o : rollupRows) {
                JsonObject row = (JsonObject) o;
                assertEquals("succeeded", row.getString("status"), row.encode());
                assertTrue(rolledUp.add(row.getString("result_id")), "a distinct result per row: " + row.encode());
                List<Row> stored = rows(server, "SELECT engine FROM runs WHERE id = ?", row.getString("result_id"));
                assertEquals(1, stored.size(), "the row's result is in the store: " + row.encode());
                assertEquals(row.getString("engine"), stored.get(0).getString(0), row.encode());
            }
            assertEquals(resultIds, rolledUp);
            String md = server.get("/api/v1/campaigns/" + id + "/report?format=md").bodyAsString();
            assertEquals(6, md.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).count(), md);
            assertTrue(md.contains("6 planned: 6 succeeded, 0 failed"), md);
        }
    }

    @Test
    @DisplayName("a quick test on a real agent keeps its log under the quick test's id, stored and live")
    void realAgentQuickTestLog() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(tmp.resolve("server"), TestDatabases.urlFor("sqlite")),
                FleetOptions.fast());
             AgentProcess real = realAgent(server, tmp.resolve("agent"))) {
            var created = server.post("/api/v1/quicktests", new JsonObject().put("agent_id", real.agentId)
                    .put("model", "tiny-sim").put("engine", "sim").put("benchmark", "throughput").encode());
            assertEquals(201, created.statusCode(), created.bodyAsString());
            String id = created.bodyAsJsonObject().getString("id");
            Vertx vertx = Vertx.vertx();
            try (SseClient live = SseClient.open(vertx, server.port(), "/api/v1/logs/" + id + "/stream", server.token(),
                    null)) {
                JsonObject done = Poll.until(Duration.ofSeconds(120), () -> server.get("/api/v1/quicktests/" + id)
                                .bodyAsJsonObject(), t -> List.of("completed", "failed").contains(t.getString("status")),
                        "the quick test to finish");
                assertEquals("completed", done.getString("status"), done.encode() + "\nagent: " + real.output());
                String stored = server.get("/api/v1/quicktests/" + id + "/logs").bodyAsJsonObject()
                        .getJsonArray("lines").encode();
                assertTrue(stored.contains("throughput (run 1): passed"), stored);
                assertTrue(!stored.contains("mmlu"), "only the one benchmark ran: " + stored);
                live.awaitFrames(frames -> frames.stream().anyMatch(f -> f.data() != null
                        && f.data().contains("throughput (run 1): passed")), Duration.ofSeconds(20));
                assertEquals(0L, rows(server, "SELECT COUNT(*) FROM logs WHERE source_id = ?",
                        done.getString("command_id")).get(0).getLong(0));
            } finally {
                Await.result(vertx.close());
            }
        }
    }
}
