package dev.kitt.campaigns;

import dev.kitt.agents.FleetOptions;
import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A campaign is never seen finished before the SLO verdict of each of its succeeded runs is
 * stored. Several campaigns share two agents, so one's run finishing checks the others for their
 * end at any moment, also while one of theirs is being judged.
 */
class CampaignSloVerdictTest {
    private static final int CAMPAIGNS = 6;
    private static final int ROUNDS = 3;

    @TempDir
    Path home;

    static List<String> dialects() {
        return TestDatabases.dialects();
    }

    private static String campaign(String name) {
        return "campaign_name: " + name + "\n" + CampaignFlowTest.THREE_MODELS + """
                engines:
                  - name: vllm
                    suite: quick
                  - name: llama_cpp
                    suite: quick
                    formats: [gguf]
                agents: [agent-a, agent-b]
                slos: {min_output_tokens_per_s: 1, max_error_rate: 0}
                """;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    @DisplayName("at the first moment a campaign reads completed, every succeeded run already has its SLO verdict")
    void verdictBeforeCompletion(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true).agent("agent-b", "x86_64", true);
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)),
                FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            for (int round = 0; round < ROUNDS; round++) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < CAMPAIGNS; i++) {
                    var created = server.post("/api/v1/campaigns", new JsonObject()
                            .put("yaml", campaign("race-" + round + "-" + i)).put("launch", true).encode());
                    assertEquals(201, created.statusCode(), created.bodyAsString());
                    ids.add(created.bodyAsJsonObject().getString("id"));
                }
                Map<String, JsonObject> firstFinished = new HashMap<>();
                long deadline = System.nanoTime() + 60_000_000_000L;
                // Polled back to back, without a pause, so a short window is not stepped over.
                while (firstFinished.size() < ids.size()) {
                    assertTrue(System.nanoTime() < deadline, "campaigns still running: " + firstFinished.keySet());
                    for (String id : ids) {
                        if (!firstFinished.containsKey(id)) {
                            JsonObject c = server.get("/api/v1/campaigns/" + id).bodyAsJsonObject();
                            if (!"running".equals(c.getString("status"))) {
                                firstFinished.put(id, c);
                            }
                        }
                    }
                }
                firstFinished.forEach((id, c) -> {
                    assertEquals("completed", c.getString("status"), c.encode());
                    JsonObject counts = c.getJsonObject("counts");
                    assertEquals(6L, counts.getLong("succeeded"), c.encode());
                    assertEquals(counts.getLong("succeeded"), counts.getLong("slo_passed") + counts.getLong("slo_failed"),
                            "every succeeded run is judged when the campaign reads completed: " + counts.encode());
                    c.getJsonArray("runs").forEach(o -> assertNotNull(((JsonObject) o).getString("slo_status"),
                            "run without a verdict in a completed campaign: " + o));
                });
            }
        }
    }
}
