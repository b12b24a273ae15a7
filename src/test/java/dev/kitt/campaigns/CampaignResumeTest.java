package dev.kitt.campaigns;

import dev.kitt.agents.FleetOptions;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Resuming a failed campaign on a server re-runs only what failed; what succeeded keeps its result. */
class CampaignResumeTest {
    @TempDir
    Path home;

    private static Map<Integer, JsonObject> runsBySeq(JsonObject campaign) {
        Map<Integer, JsonObject> out = new HashMap<>();
        campaign.getJsonArray("runs").forEach(o -> out.put(((JsonObject) o).getInteger("seq"), (JsonObject) o));
        return out;
    }

    @EveryDialect
    @DisplayName("kitt campaign run --resume --server re-runs only the failed runs: succeeded runs keep their "
            + "result ids and are not submitted again")
    void resumeSkipsSucceeded(String dialect) throws Exception {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true).agent("agent-b", "x86_64", true);
        // m2's two runs stay on their agents until the test fails them; the four others (m1, m3) succeed.
        fleet.hold = p -> "m2".equals(p.getString("model_name"));
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)),
                FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            String url = "http://127.0.0.1:" + server.port();
            Path file = Files.writeString(home.resolve("three-by-two.yaml"), CampaignFlowTest.THREE_BY_TWO);
            CliRun run = CliRun.of("campaign", "run", file.toString(), "--server", url, "--token", server.token());
            assertEquals(0, run.exitCode(), run.err());
            String id = run.out().split(" ")[1];
            List<JsonObject> held = Poll.until(Duration.ofSeconds(30), () -> fleet.runTests.stream()
                    .filter(c -> "m2".equals(c.getJsonObject("payload").getString("model_name"))
                            && "running".equals(c.getString("state"))).toList(), l -> l.size() == 2,
                    "m2's two runs to be running");
            held.forEach(c -> fleet.fail(c.getString("id"), "engine crashed"));
            JsonObject failed = CampaignFlowTest.waitForStatus(server, id, "failed");
            assertEquals(2L, failed.getJsonObject("counts").getLong("failed"));
            assertEquals(4L, failed.getJsonObject("counts").getLong("succeeded"));
            Map<Integer, JsonObject> before = runsBySeq(failed);
            assertEquals(6, fleet.runTests.size());

            fleet.hold = p -> false;
            CliRun resume = CliRun.of("campaign", "run", file.toString(), "--resume", "--server", url,
                    "--token", server.token());
            assertEquals(0, resume.exitCode(), resume.err());
            assertTrue(resume.out().contains("resumed campaign " + id), resume.out());
            JsonObject done = CampaignFlowTest.waitForStatus(server, id, "completed");
            assertEquals(6L, done.getJsonObject("counts").getLong("succeeded"));

            // Exactly the two failed runs were submitted again, each once.
            List<JsonObject> again = fleet.runTests.subList(6, fleet.runTests.size());
            assertEquals(2, again.size(), "only the failed runs run again: " + fleet.runTests);
            again.forEach(c -> assertEquals("m2", c.getJsonObject("payload").getString("model_name"), c.encode()));
            Map<Integer, JsonObject> after = runsBySeq(done);
            for (JsonObject b : before.values()) {
                JsonObject a = after.get(b.getInteger("seq"));
                if ("succeeded".equals(b.getString("status"))) {
                    assertEquals(b.getString("result_id"), a.getString("result_id"), "kept: " + a.encode());
                    assertEquals(b.getString("command_id"), a.getString("command_id"), a.encode());
                    assertEquals(1, a.getInteger("attempts"), a.encode());
                } else {
                    assertNotNull(a.getString("result_id"), a.encode());
                    assertEquals(2, a.getInteger("attempts"), a.encode());
                }
            }
            assertEquals(6L, server.get("/api/v1/results").bodyAsJsonObject().getLong("total"),
                    "four results from the first launch, two from the resume");
            var twice = server.post("/api/v1/campaigns/" + id + "/resume", "{}");
            assertEquals(409, twice.statusCode(), "a completed campaign has nothing to resume: " + twice.bodyAsString());
        }
    }
}
