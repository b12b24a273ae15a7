package dev.kitt.campaigns;

import dev.kitt.bus.Addresses;
import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.campaigns.schedule.CronSchedule;
import dev.kitt.campaigns.store.CampaignRepository;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.campaigns.store.ScheduleRepository;
import dev.kitt.cli.Await;
import dev.kitt.logs.LogStreamVerticle;
import dev.kitt.server.ServerContext;
import dev.kitt.store.Database;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-test timeouts and cron schedules, on a campaign verticle with a clock the test moves. */
class CampaignClockTest {
    @TempDir
    Path home;
    private final Vertx vertx = Vertx.vertx();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T01:00:00Z").toEpochMilli());
    private Database db;

    static final class MovableClock extends Clock {
        final AtomicLong now;

        MovableClock(long start) {
            now = new AtomicLong(start);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    }

    private String databaseUrl = "";

    private String deploy(String dialect, FleetStandIn fleet) {
        databaseUrl = TestDatabases.urlFor(dialect);
        var config = TestServer.config(home, databaseUrl);
        db = Await.result(Database.open(vertx, config));
        fleet.attach(vertx, db);
        ServerContext ctx = new ServerContext(config, db, null, null);
        Await.result(vertx.deployVerticle(new LogStreamVerticle(ctx)));
        return Await.result(vertx.deployVerticle(new CampaignVerticle(ctx, EngineCatalog.standard(), clock, 50)));
    }

    @AfterEach
    void close() {
        if (db != null) {
            Await.result(db.close());
        }
        Await.result(vertx.close());
    }

    static JsonObject definition() {
        return new JsonObject().put("campaign_name", "clocked")
                .put("models", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("name", "m1").put("gguf_repo", "org/m1-GGUF"))
                        .add(new JsonObject().put("name", "m2").put("gguf_repo", "org/m2-GGUF")))
                .put("engines", new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", "llama_cpp")))
                .put("agents", new io.vertx.core.json.JsonArray().add("agent-a"));
    }

    @EveryDialect
    @DisplayName("a test past its 30-minute timeout fails, its agent is told to cancel and gets the next test")
    void timeout(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true);
        fleet.hold = p -> true;
        deploy(dialect, fleet);
        String id = Await.result(new CampaignDrafts(vertx, db, EngineCatalog.standard(), clock).create(definition()));
        Await.result(vertx.eventBus().request(Addresses.CAMPAIGNS_LAUNCH, new JsonObject().put("campaignId", id)));
        Poll.until(Duration.ofSeconds(10), () -> fleet.runTests.size(), n -> n == 1, "the first test");
        clock.now.addAndGet(Duration.ofMinutes(29).toMillis());
        clock.now.addAndGet(Duration.ofMinutes(2).toMillis());
        RunRepository runs = new RunRepository(db);
        JsonObject first = Poll.until(Duration.ofSeconds(10), () -> Await.result(runs.runs(id)).get(0),
                r -> "failed".equals(r.getString("status")), "the first test to time out");
        assertEquals("timed out after 30 minutes", first.getString("error"));
        Poll.until(Duration.ofSeconds(10), () -> fleet.cancels.size(), n -> n == 1, "a cancel for the timed-out command");
        Poll.until(Duration.ofSeconds(10), () -> fleet.runTests.size(), n -> n == 2, "the agent's next test");
        fleet.complete(fleet.runTests.get(1).getString("id"));
        Poll.until(Duration.ofSeconds(10), () -> Await.result(new CampaignRepository(db).get(id)).getString("status"),
                "failed"::equals, "the campaign to end as failed");
        assertEquals(List.of(), fleet.overlaps);
    }

    @EveryDialect
    @DisplayName("timeout_seconds sets the per-test deadline in seconds, sent to the agent and enforced by the tick")
    void timeoutSeconds(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true);
        fleet.hold = p -> true;
        deploy(dialect, fleet);
        String id = Await.result(new CampaignDrafts(vertx, db, EngineCatalog.standard(), clock)
                .create(definition().put("timeout_seconds", 90)));
        Await.result(vertx.eventBus().request(Addresses.CAMPAIGNS_LAUNCH, new JsonObject().put("campaignId", id)));
        Poll.until(Duration.ofSeconds(10), () -> fleet.runTests.size(), n -> n == 1, "the first test");
        assertEquals(90L, fleet.runTests.get(0).getJsonObject("payload").getLong("timeout_s"));
        clock.now.addAndGet(Duration.ofSeconds(91).toMillis());
        JsonObject first = Poll.until(Duration.ofSeconds(10), () -> Await.result(new RunRepository(db).runs(id)).get(0),
                r -> "failed".equals(r.getString("status")), "the first test to time out");
        assertEquals("timed out after 90 seconds", first.getString("error"));
    }

    @EveryDialect
    @DisplayName("a cron schedule fires at its time, survives a redeploy, and fires again the next day")
    void schedules(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true);
        String deployment = deploy(dialect, fleet);
        ScheduleRepository schedules = new ScheduleRepository(db);
        CronSchedule cron = CronSchedule.parse("0 2 * * *");
        JsonObject s = Await.result(schedules.insert("s1", "clocked", definition(), cron.expression(),
                cron.nextAfter(clock.millis()), clock.millis()));
        assertEquals(Instant.parse("2026-01-01T02:00:00Z").toEpochMilli(), s.getLong("next_fire_at"));

        clock.now.set(Instant.parse("2026-01-01T02:00:30Z").toEpochMilli());
        JsonObject fired = Poll.until(Duration.ofSeconds(10), () -> Await.result(schedules.get("s1")),
                x -> x.getString("last_campaign_id") != null, "the schedule to fire");
        assertEquals(Instant.parse("2026-01-02T02:00:00Z").toEpochMilli(), fired.getLong("next_fire_at"));
        String first = fired.getString("last_campaign_id");
        Poll.until(Duration.ofSeconds(10), () -> Await.result(new CampaignRepository(db).get(first)).getString("status"),
                "completed"::equals, "the scheduled campaign to complete");

        Await.result(vertx.undeploy(deployment));
        Await.result(vertx.deployVerticle(new CampaignVerticle(new ServerContext(null, db, null, null),
                EngineCatalog.standard(), clock, 50)));
        clock.now.set(Instant.parse("2026-01-02T02:01:00Z").toEpochMilli());
        JsonObject again = Poll.until(Duration.ofSeconds(10), () -> Await.result(schedules.get("s1")),
                x -> !first.equals(x.getString("last_campaign_id")), "the schedule to fire the next day");
        assertEquals(Instant.parse("2026-01-03T02:00:00Z").toEpochMilli(), again.getLong("next_fire_at"));
        assertTrue(Await.result(new CampaignRepository(db).list(null, 1, 10)).getLong("total") == 2L);
    }

    @EveryDialect
    @DisplayName("a firing that cannot start its campaign records why on the schedule, shown by schedule list; "
            + "the next good firing clears it")
    void failedFiringIsVisible(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true);
        deploy(dialect, fleet);
        ScheduleRepository schedules = new ScheduleRepository(db);
        CronSchedule cron = CronSchedule.parse("0 2 * * *");
        // Scheduled on an agent the fleet does not know (removed since, say).
        JsonObject definition = definition().put("agents", new io.vertx.core.json.JsonArray().add("agent-gone"));
        Await.result(schedules.insert("s1", "clocked", definition, cron.expression(), cron.nextAfter(clock.millis()),
                clock.millis()));

        clock.now.set(Instant.parse("2026-01-01T02:00:30Z").toEpochMilli());
        JsonObject failed = Poll.until(Duration.ofSeconds(10), () -> Await.result(schedules.get("s1")),
                x -> x.getString("last_error") != null, "the failed firing to be recorded");
        assertEquals(Instant.parse("2026-01-01T02:00:30Z").toEpochMilli(), failed.getLong("last_fired_at"));
        assertTrue(failed.getString("last_error").contains("unknown agent 'agent-gone'"), failed.encode());
        assertEquals(null, failed.getString("last_campaign_id"));
        assertEquals(0L, Await.result(new CampaignRepository(db).list(null, 1, 10)).getLong("total"));
        dev.kitt.testing.CliRun list = dev.kitt.testing.CliRun.of("campaign", "schedule", "list", "--home",
                home.toString(), "--database-url", databaseUrl);
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("s1") && l.contains("2026-01-01T02:00:30Z")
                && l.contains("FAILED: unknown agent 'agent-gone'")), list.out());

        // The agent is back: the next day's firing starts a campaign and clears the error.
        fleet.agent("agent-gone", "x86_64", true);
        clock.now.set(Instant.parse("2026-01-02T02:00:30Z").toEpochMilli());
        JsonObject fired = Poll.until(Duration.ofSeconds(10), () -> Await.result(schedules.get("s1")),
                x -> x.getString("last_campaign_id") != null, "the next firing");
        assertEquals(null, fired.getString("last_error"), fired.encode());
        assertTrue(dev.kitt.testing.CliRun.of("campaign", "schedule", "list", "--home", home.toString(),
                "--database-url", databaseUrl).out().contains("started campaign " + fired.getString("last_campaign_id")));
    }
}
