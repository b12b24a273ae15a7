package dev.kitt.campaigns;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.cli.Await;
import dev.kitt.logs.LogStreamVerticle;
import dev.kitt.server.ServerContext;
import dev.kitt.store.Database;
import dev.kitt.results.MetricsDocument;
import dev.kitt.results.ResultRepository;
import dev.kitt.testing.Fixtures;
import dev.kitt.testing.Poll;
import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A campaign is never seen finished before the SLO verdict of each of its succeeded runs is stored. */
class CampaignSloVerdictTest {
    @TempDir
    Path home;

    private static JsonObject definition(String name, String agent, boolean slos) {
        JsonObject d = new JsonObject().put("campaign_name", name)
                .put("models", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", "m1")
                        .put("gguf_repo", "org/m1-GGUF")))
                .put("engines", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", "llama_cpp")))
                .put("agents", new io.vertx.core.json.JsonArray().add(agent));
        return slos ? d.put("slos", new JsonObject().put("min_output_tokens_per_s", 1)) : d;
    }

    /**
     * The window made wide on purpose: PostgreSQL holds the results table locked, so judging
     * campaign A's last run cannot read its result, while campaign B (no SLOs) finishes on the
     * other agent and so checks A for its end. A must not end before its verdict is stored.
     */
    @Test
    @DisplayName("a campaign whose last run is still being judged does not end when another campaign checks it")
    void judgingHoldsCompletion() {
        // Only PostgreSQL lets another connection hold a table while the server's own go on.
        Assumptions.assumeTrue(TestDatabases.dialects().contains("postgresql"), "PostgreSQL is not configured");
        Vertx vertx = Vertx.vertx();
        var config = TestServer.config(home, TestDatabases.urlFor("postgresql"));
        Database db = Await.result(Database.open(vertx, config));
        Database locker = Await.result(Database.open(vertx, config));
        Promise<Void> release = Promise.promise();
        try {
            FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true).agent("agent-b", "x86_64", true);
            fleet.hold = p -> true;
            fleet.attach(vertx, db);
            ServerContext ctx = new ServerContext(config, db, null, null);
            Await.result(vertx.deployVerticle(new LogStreamVerticle(ctx)));
            Await.result(vertx.deployVerticle(new CampaignVerticle(ctx, EngineCatalog.standard(), Clock.systemUTC(), 50)));
            CampaignDrafts drafts = new CampaignDrafts(vertx, db, EngineCatalog.standard(), Clock.systemUTC());
            String a = Await.result(drafts.create(definition("judged", "agent-a", true)));
            String b = Await.result(drafts.create(definition("plain", "agent-b", false)));
            for (String id : List.of(a, b)) {
                Await.result(vertx.eventBus().request(Addresses.CAMPAIGNS_LAUNCH, new JsonObject().put("campaignId", id)));
            }
            Poll.until(Duration.ofSeconds(10), () -> fleet.runTests.size(), n -> n == 2, "both tests dispatched");
            // Stored here, not through the stand-in, whose commands stay running until told otherwise.
            Map<String, String> results = new HashMap<>();
            for (JsonObject c : fleet.runTests) {
                JsonObject doc = Fixtures.run("run-" + c.getString("id"), "llama_cpp", "org/m1-GGUF",
                        "2026-01-01T00:00:00Z", 100.0);
                results.put(c.getString("agentId"), Await.result(new ResultRepository(db)
                        .importRun(MetricsDocument.from(doc), "agent", c.getString("agentId"))).id());
            }
            Promise<Void> locked = Promise.promise();
            locker.inTransaction(conn -> locker.query(conn, "LOCK TABLE runs IN ACCESS EXCLUSIVE MODE")
                    .onSuccess(rs -> locked.complete()).compose(rs -> release.future()));
            Await.result(locked.future());
            succeeded(vertx, fleet, "agent-a", results);
            RunRepository runs = new RunRepository(db);
            CampaignRepository campaigns = new CampaignRepository(db);
            // A's update has reached the executor, which now waits on the locked table to judge it.
            Poll.until(Duration.ofSeconds(10), () -> Await.result(locker.query(
                    "SELECT COUNT(*) AS n FROM pg_locks WHERE NOT granted")).iterator().next().getLong("n"),
                    n -> n > 0, "the judge to wait for the locked results");
            succeeded(vertx, fleet, "agent-b", results);
            Poll.until(Duration.ofSeconds(10), () -> Await.result(campaigns.get(b)).getString("status"),
                    "completed"::equals, "campaign B to complete");
            // B's end checked every active campaign for its end; give A's check as long again to show.
            long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < until) {
                JsonObject c = Await.result(campaigns.get(a));
                JsonObject run = Await.result(runs.runs(a)).get(0);
                if (!"running".equals(c.getString("status"))) {
                    assertNotNull(run.getString("slo_status"), "campaign A ended as " + c.getString("status")
                            + " with a run that has no SLO verdict yet: " + run.encode());
                }
                LockSupport.parkNanos(20_000_000);
            }
            release.complete();
            Poll.until(Duration.ofSeconds(10), () -> Await.result(campaigns.get(a)).getString("status"),
                    "completed"::equals, "campaign A to complete once judged");
            assertEquals("passed", Await.result(runs.runs(a)).get(0).getString("slo_status"));
        } finally {
            release.tryComplete();
            Await.result(locker.close());
            Await.result(db.close());
            Await.result(vertx.close());
        }
    }

    private static void succeeded(Vertx vertx, FleetStandIn fleet, String agent, Map<String, String> results) {
        JsonObject c = fleet.runTests.stream().filter(x -> agent.equals(x.getString("agentId"))).findFirst().orElseThrow();
        vertx.eventBus().publish(Addresses.COMMANDS_UPDATE, new JsonObject().put("commandId", c.getString("id"))
                .put("agentId", agent).put("state", "succeeded").put("resultId", results.get(agent)));
    }
}
