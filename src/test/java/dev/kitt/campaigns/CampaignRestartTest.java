package dev.kitt.campaigns;

import dev.kitt.cli.Await;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A server restarted in the middle of a campaign resumes it: nothing runs twice, nothing is lost. */
class CampaignRestartTest {
    @TempDir
    Path home;

    @EveryDialect
    @DisplayName("a campaign resumes after a restart, finishing in-flight tests without running any twice")
    void resumesAfterRestart(String dialect) {
        var config = TestServer.config(home, TestDatabases.urlFor(dialect));
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true).agent("agent-b", "x86_64", true);
        // The first three tests finish; the next ones stay running on their agents when the server stops.
        AtomicInteger started = new AtomicInteger();
        fleet.hold = p -> started.incrementAndGet() > 3;
        String id;
        try (TestServer first = TestServer.start(config, dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(first);
            var created = first.post("/api/v1/campaigns", CampaignFlowTest.yamlBody(CampaignFlowTest.THREE_BY_TWO)
                    .put("launch", true).encode());
            assertEquals(201, created.statusCode(), created.bodyAsString());
            id = created.bodyAsJsonObject().getString("id");
            Poll.until(Duration.ofSeconds(30), () -> first.get("/api/v1/campaigns/" + id).bodyAsJsonObject()
                    .getJsonObject("counts"), c -> c.getLong("succeeded") == 3 && c.getLong("running") == 2,
                    "three tests done and two in flight");
            Poll.until(Duration.ofSeconds(10), () -> fleet.commands.values().stream()
                    .filter(c -> "running".equals(c.getString("state"))).count(), n -> n == 2, "two running commands");
        }
        // While the server was down one agent finished (dispatch recorded it); the other still runs.
        List<String> inFlight = fleet.commands.values().stream().filter(c -> "running".equals(c.getString("state")))
                .map(c -> c.getString("id")).sorted().toList();
        fleet.hold = p -> false;
        try (TestServer second = TestServer.start(config, dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(second);
            Await.result(fleet.completeSilently(inFlight.get(0)));
            // The restarted executor learns of the first on its next check with dispatch, of the second by its update.
            fleet.complete(inFlight.get(1));
            JsonObject done = Poll.until(Duration.ofSeconds(30), () -> second.get("/api/v1/campaigns/" + id)
                    .bodyAsJsonObject(), c -> !"running".equals(c.getString("status")), "the campaign to finish");
            assertEquals("completed", done.getString("status"), done.encodePrettily());
            assertEquals(6L, done.getJsonObject("counts").getLong("succeeded"));
            assertEquals(6, fleet.runTests.size(), "no test was submitted twice");
            Set<String> cells = new HashSet<>();
            fleet.runTests.forEach(c -> cells.add(c.getJsonObject("payload").getString("sourceId")));
            assertEquals(6, cells.size());
            assertEquals(6L, second.get("/api/v1/results").bodyAsJsonObject().getLong("total"), "every result stored once");
            assertEquals(List.of(), fleet.overlaps);
        }
    }
}
