package dev.kitt.campaigns;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A campaign of 3 models × 2 engines × quick over 2 agents, against a stand-in fleet. */
class CampaignFlowTest {
    /** The three models, each with safetensors and GGUF weights, of every 3-model campaign here. */
    static final String THREE_MODELS = """
            models:
              - name: m1
                safetensors_repo: org/m1
                gguf_repo: org/m1-GGUF
              - name: m2
                safetensors_repo: org/m2
                gguf_repo: org/m2-GGUF
              - name: m3
                safetensors_repo: org/m3
                gguf_repo: org/m3-GGUF
            """;

    static final String THREE_BY_TWO = """
            campaign_name: three-by-two
            description: three small models on two engines
            """ + THREE_MODELS + """
            engines:
              - name: vllm
                suite: quick
              - name: llama_cpp
                suite: quick
                formats: [gguf]
                config: {}
            agents: [agent-a, agent-b]
            """;

    @TempDir
    Path home;

    static JsonObject yamlBody(String yaml) {
        return new JsonObject().put("yaml", yaml);
    }

    static JsonObject waitForStatus(TestServer server, String id, String status) {
        return Poll.until(Duration.ofSeconds(30), () -> server.get("/api/v1/campaigns/" + id).bodyAsJsonObject(),
                c -> status.equals(c.getString("status")), "campaign " + id + " to be " + status);
    }

    @EveryDialect
    @DisplayName("a 3 × 2 campaign over two agents completes with every result stored once and a right rollup")
    void completes(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true).agent("agent-b", "aarch64", true);
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)), dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            var created = server.post("/api/v1/campaigns", yamlBody(THREE_BY_TWO).encode());
            assertEquals(201, created.statusCode(), created.bodyAsString());
            JsonObject draft = created.bodyAsJsonObject();
            assertEquals("draft", draft.getString("status"));
            assertEquals(6L, draft.getJsonObject("counts").getLong("pending"));
            String id = draft.getString("id");

            var launched = server.post("/api/v1/campaigns/" + id + "/launch", "{}");
            assertEquals(200, launched.statusCode(), launched.bodyAsString());
            JsonObject done = waitForStatus(server, id, "completed");

            assertEquals(6, fleet.runTests.size(), "one command per planned run");
            Set<String> cells = new HashSet<>();
            Set<String> agentsUsed = new HashSet<>();
            fleet.runTests.forEach(c -> {
                cells.add(c.getJsonObject("payload").getString("model_name") + "/" + c.getJsonObject("payload").getString("engine"));
                agentsUsed.add(c.getString("agentId"));
            });
            assertEquals(6, cells.size(), "no cell ran twice");
            assertEquals(Set.of("agent-a", "agent-b"), agentsUsed, "both agents worked");
            assertEquals(List.of(), fleet.overlaps, "one test at a time per agent");
            assertEquals(6L, server.get("/api/v1/results").bodyAsJsonObject().getLong("total"));
            assertEquals(6L, done.getJsonObject("counts").getLong("succeeded"));

            JsonObject report = server.get("/api/v1/campaigns/" + id + "/report?format=json").bodyAsJsonObject();
            JsonObject counts = report.getJsonObject("counts");
            assertEquals(6L, counts.getLong("planned"));
            assertEquals(6L, counts.getLong("succeeded"));
            assertEquals(0L, counts.getLong("failed"));
            assertEquals(0L, counts.getLong("skipped"));
            Set<String> resultIds = new HashSet<>();
            report.getJsonArray("runs").forEach(o -> resultIds.add(((JsonObject) o).getString("result_id")));
            assertEquals(6, resultIds.size(), "each row links its own result");
            String md = server.get("/api/v1/campaigns/" + id + "/report?format=md").bodyAsString();
            assertTrue(md.contains("# Campaign three-by-two"), md);
            assertTrue(md.contains("6 planned: 6 succeeded, 0 failed"), md);
            assertEquals(6, md.lines().filter(l -> l.contains("| succeeded |")).count(), md);

            var logs = Poll.until(Duration.ofSeconds(10), () -> server.get("/api/v1/campaigns/" + id + "/logs")
                    .bodyAsJsonObject().getJsonArray("lines"), l -> l.encode().contains("campaign completed"),
                    "the campaign's closing log line");
            assertTrue(logs.getJsonObject(0).getString("line").contains("launched"), logs.encode());
            var runLogs = server.get("/api/v1/campaigns/" + id).bodyAsJsonObject();
            assertEquals("completed", runLogs.getString("status"));
        }
    }
}
