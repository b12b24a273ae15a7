package dev.kitt.campaigns;

import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.cli.Await;
import dev.kitt.logs.LogStreamVerticle;
import dev.kitt.results.ResultRepository;
import dev.kitt.server.ServerContext;
import dev.kitt.store.Database;
import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two pumps at once, as when two agents finish together: no agent is left idle beside a pending run. */
class CampaignExecutorClaimTest {
    @TempDir
    Path home;

    @Test
    @DisplayName("an agent whose claim loses to another agent's pump takes the next pending run at once")
    void lostClaimLooksAgain() {
        Vertx vertx = Vertx.vertx();
        // SQLite runs the store's operations one at a time, in order: both pumps read the pending
        // runs before either claims, so both agents pick run #1 and one of the claims loses.
        var config = TestServer.config(home, "");
        Database db = Await.result(Database.open(vertx, config));
        try {
            FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true).agent("agent-b", "x86_64", true);
            fleet.hold = p -> true;
            fleet.attach(vertx, db);
            ServerContext ctx = new ServerContext(config, db, null, null);
            Await.result(vertx.deployVerticle(new LogStreamVerticle(ctx)));
            JsonObject definition = new JsonObject().put("campaign_name", "two-runs")
                    .put("models", new JsonArray()
                            .add(new JsonObject().put("name", "m1").put("gguf_repo", "org/m1-GGUF"))
                            .add(new JsonObject().put("name", "m2").put("gguf_repo", "org/m2-GGUF")))
                    .put("engines", new JsonArray().add(new JsonObject().put("name", "llama_cpp")))
                    .put("agents", new JsonArray().add("agent-a").add("agent-b"));
            String id = Await.result(new CampaignDrafts(vertx, db, EngineCatalog.standard(), Clock.systemUTC())
                    .create(definition));
            CampaignRepository campaigns = new CampaignRepository(db);
            CampaignExecutor executor = new CampaignExecutor(vertx, campaigns, new RunRepository(db),
                    new CampaignLog(vertx, campaigns), Clock.systemUTC(), new SloJudge(new ResultRepository(db)));
            Promise<Void> pumped = Promise.promise();
            // On one context, as the campaign verticle runs it: the second pump starts while the first waits.
            vertx.getOrCreateContext().runOnContext(v -> executor.activate(id)
                    .compose(x -> Future.join(executor.pump(id), executor.pump(id))).<Void>mapEmpty().onComplete(pumped));
            Await.result(pumped.future());

            Poll.until(Duration.ofSeconds(10), () -> fleet.runTests.size(), n -> n == 2,
                    "both runs dispatched, one to each agent");
            Set<String> agents = fleet.runTests.stream().map(c -> c.getString("agentId")).collect(Collectors.toSet());
            assertEquals(Set.of("agent-a", "agent-b"), agents);
            Set<String> models = fleet.runTests.stream().map(c -> c.getJsonObject("payload").getString("model_name"))
                    .collect(Collectors.toSet());
            assertEquals(Set.of("m1", "m2"), models, "each run dispatched once");
        } finally {
            Await.result(db.close());
            Await.result(vertx.close());
        }
    }
}
