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

    /**
     * The 3 × 2 campaign plus a model with MLX weights only, which neither engine takes (two
     * skipped pairs), vLLM in docker mode and llama.cpp at an endpoint already running.
     */
    static final String WITH_SKIPS_AND_MODES = """
            campaign_name: three-by-two
            description: three small models on two engines
            """ + THREE_MODELS + """
              - name: mac-only
                mlx_repo: org/m4-mlx
            engines:
              - name: vllm
                suite: quick
                mode: docker
              - name: llama_cpp
                suite: quick
                formats: [gguf]
                config: {endpoint: "http://gpu-1:8081"}
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
    @DisplayName("a 3 × 2 campaign over two agents completes with every result stored once and a right rollup, its "
            + "skipped pairs counted, and each run's mode and endpoint sent to the agent")
    void completes(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true).agent("agent-b", "aarch64", true);
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)), dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            var created = server.post("/api/v1/campaigns", yamlBody(WITH_SKIPS_AND_MODES).encode());
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
                JsonObject payload = c.getJsonObject("payload");
                boolean vllm = "vllm".equals(payload.getString("engine"));
                assertEquals(vllm ? "docker" : "endpoint", payload.getString("mode"), payload.encode());
                assertEquals(vllm ? null : "http://gpu-1:8081", payload.getString("endpoint"), payload.encode());
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
            assertEquals(8L, counts.getLong("planned"));
            assertEquals(6L, counts.getLong("succeeded"));
            assertEquals(0L, counts.getLong("failed"));
            assertEquals(2L, counts.getLong("skipped"));
            Set<String> resultIds = new HashSet<>();
            report.getJsonArray("runs").stream().map(o -> (JsonObject) o).filter(r -> r.getString("result_id") != null)
                    .forEach(r -> resultIds.add(r.getString("result_id")));
            assertEquals(6, resultIds.size(), "each run that ran links its own result");
            List<JsonObject> skippedRows = report.getJsonArray("runs").stream().map(o -> (JsonObject) o)
                    .filter(r -> "skipped".equals(r.getString("status"))).toList();
            assertEquals(List.of("mac-only", "mac-only"), skippedRows.stream().map(r -> r.getString("model")).toList());
            skippedRows.forEach(r -> assertTrue(r.getString("reason").contains("has mlx"), r.encode()));
            String md = server.get("/api/v1/campaigns/" + id + "/report?format=md").bodyAsString();
            assertTrue(md.contains("# Campaign three-by-two"), md);
            assertTrue(md.contains("8 planned: 6 succeeded, 0 failed, 0 cancelled, 2 skipped"), md);
            assertEquals(6, md.lines().filter(l -> l.contains("| succeeded |")).count(), md);
            assertEquals(2, md.lines().filter(l -> l.contains("| skipped |") && l.contains("mac-only")).count(), md);

            var logs = Poll.until(Duration.ofSeconds(10), () -> server.get("/api/v1/campaigns/" + id + "/logs")
                    .bodyAsJsonObject().getJsonArray("lines"), l -> l.encode().contains("campaign completed"),
                    "the campaign's closing log line");
            assertTrue(logs.getJsonObject(0).getString("line").contains("launched"), logs.encode());
        }
    }

    @EveryDialect
    @DisplayName("parallel: false runs one test at a time across all the campaign's agents; by default both work at once")
    void parallelFalse(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true).agent("agent-b", "x86_64", true);
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)),
                dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            var serial = server.post("/api/v1/campaigns", yamlBody(THREE_BY_TWO + "parallel: false\n")
                    .put("launch", true).encode());
            assertEquals(201, serial.statusCode(), serial.bodyAsString());
            JsonObject done = waitForStatus(server, serial.bodyAsJsonObject().getString("id"), "completed");
            assertEquals(6L, done.getJsonObject("counts").getLong("succeeded"));
            assertEquals(6, fleet.runTests.size());
            assertEquals(1, fleet.mostAtOnce.get(), "one test at a time across agents");

            // The same file without the key: both agents take tests at once (so the check above can fail).
            fleet.hold = p -> true;
            var parallel = server.post("/api/v1/campaigns", yamlBody(THREE_BY_TWO).put("launch", true).encode());
            assertEquals(201, parallel.statusCode(), parallel.bodyAsString());
            Poll.until(Duration.ofSeconds(30), () -> fleet.mostAtOnce.get(), n -> n == 2, "two tests at once");
        }
    }
}
