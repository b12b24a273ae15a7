package dev.kitt.campaigns;

import dev.kitt.agents.FleetOptions;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cron schedules through the API and the CLI on a real server, and across a real server restart. */
class CampaignScheduleTest {
    @TempDir
    Path home;

    static final String ONE_BY_ONE = """
            campaign_name: nightly
            models:
              - {name: m1, gguf_repo: org/m1-GGUF}
            engines:
              - {name: llama_cpp, suite: quick}
            """;

    @EveryDialect
    @DisplayName("POST, GET and DELETE /campaigns/schedules: a schedule is stored with its next time and an empty "
            + "outcome, listed, and removed; bad ones are 400s naming the problem")
    void api(String dialect) {
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true);
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)),
                FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            long before = System.currentTimeMillis();
            var created = server.post("/api/v1/campaigns/schedules", new JsonObject().put("cron", "0 2 * * *")
                    .put("yaml", ONE_BY_ONE + "agents: [agent-a]\n").encode());
            assertEquals(201, created.statusCode(), created.bodyAsString());
            JsonObject s = created.bodyAsJsonObject();
            String id = s.getString("id");
            assertEquals("nightly", s.getString("name"));
            assertEquals("0 2 * * *", s.getString("cron"));
            ZonedDateTime next = Instant.ofEpochMilli(s.getLong("next_fire_at")).atZone(ZoneOffset.UTC);
            assertTrue(s.getLong("next_fire_at") > before && next.getHour() == 2 && next.getMinute() == 0
                    && s.getLong("next_fire_at") - before <= Duration.ofDays(1).toMillis(), s.encode());
            assertNull(s.getLong("last_fired_at"));
            assertNull(s.getString("last_campaign_id"));
            assertTrue(s.containsKey("last_error") && s.getString("last_error") == null, s.encode());

            JsonObject page = server.get("/api/v1/campaigns/schedules").bodyAsJsonObject();
            assertEquals(1, page.getInteger("total"));
            assertEquals(id, page.getJsonArray("items").getJsonObject(0).getString("id"));
            assertEquals(new JsonArray().add("agent-a"), page.getJsonArray("items").getJsonObject(0)
                    .getJsonObject("definition").getJsonArray("agents"));

            var noAgents = server.post("/api/v1/campaigns/schedules", new JsonObject().put("cron", "0 2 * * *")
                    .put("yaml", ONE_BY_ONE).encode());
            assertEquals(400, noAgents.statusCode(), noAgents.bodyAsString());
            assertEquals("no_agents", noAgents.bodyAsJsonObject().getString("code"));
            var badCron = server.post("/api/v1/campaigns/schedules", new JsonObject().put("cron", "nightly")
                    .put("yaml", ONE_BY_ONE + "agents: [agent-a]\n").encode());
            assertEquals(400, badCron.statusCode(), badCron.bodyAsString());
            assertEquals("invalid_cron", badCron.bodyAsJsonObject().getString("code"));
            assertEquals(1, server.get("/api/v1/campaigns/schedules").bodyAsJsonObject().getInteger("total"));

            assertEquals(204, server.delete("/api/v1/campaigns/schedules/" + id).statusCode());
            assertEquals(0, server.get("/api/v1/campaigns/schedules").bodyAsJsonObject().getInteger("total"));
            var gone = server.delete("/api/v1/campaigns/schedules/" + id);
            assertEquals(404, gone.statusCode());
            assertEquals("not_found", gone.bodyAsJsonObject().getString("code"));
        }
    }

    /** "M H * * *" for the first whole minute at least 40 s away, so it cannot fire before the restart. */
    private static ZonedDateTime nextQuietMinute() {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime at = now.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        return Duration.between(now, at).getSeconds() < 40 ? at.plusMinutes(1) : at;
    }

    @Test
    @DisplayName("a schedule added with the CLI survives a server restart and then fires once, creating exactly "
            + "one campaign that runs to completion on a test agent")
    void survivesRestart() throws Exception {
        var config = TestServer.config(home.resolve("server"), TestDatabases.urlFor("sqlite"));
        Path file = Files.writeString(home.resolve("nightly.yaml"), ONE_BY_ONE);
        ZonedDateTime at = nextQuietMinute();
        String cron = at.getMinute() + " " + at.getHour() + " * * *";
        String scheduleId;
        String agent;
        try (TestServer first = TestServer.start(config, FleetOptions.fast())) {
            var created = first.post("/api/v1/agents/test", new JsonObject().put("name", "sim-1")
                    .put("hardware", new JsonObject().put("gpu", "H100")).encode());
            assertEquals(201, created.statusCode(), created.bodyAsString());
            agent = created.bodyAsJsonObject().getString("id");
            CliRun add = CliRun.of("campaign", "schedule", file.toString(), "--cron", cron, "--agent", agent,
                    "--server", "http://127.0.0.1:" + first.port(), "--token", first.token());
            assertEquals(0, add.exitCode(), add.err());
            scheduleId = add.out().split(" ")[1].replace(":", "");
            assertEquals(at.toInstant().toEpochMilli(), first.get("/api/v1/campaigns/schedules").bodyAsJsonObject()
                    .getJsonArray("items").getJsonObject(0).getLong("next_fire_at"));
        }
        assertTrue(Instant.now().isBefore(at.toInstant()), "stopped before the firing time");

        try (TestServer second = TestServer.start(config, FleetOptions.fast())) {
            String url = "http://127.0.0.1:" + second.port();
            JsonObject fired = Poll.until(Duration.ofSeconds(150), () -> second.get("/api/v1/campaigns/schedules")
                            .bodyAsJsonObject().getJsonArray("items").getJsonObject(0),
                    s -> s.getString("last_campaign_id") != null || s.getString("last_error") != null,
                    "the restored schedule to fire");
            assertEquals(scheduleId, fired.getString("id"));
            assertNull(fired.getString("last_error"), fired.encode());
            assertTrue(fired.getLong("last_fired_at") >= at.toInstant().toEpochMilli(), fired.encode());
            assertEquals(at.plusDays(1).toInstant().toEpochMilli(), fired.getLong("next_fire_at"));
            String campaignId = fired.getString("last_campaign_id");
            JsonObject done = Poll.until(Duration.ofSeconds(120), () -> second.get("/api/v1/campaigns/" + campaignId)
                    .bodyAsJsonObject(), c -> !"running".equals(c.getString("status")), "the scheduled campaign to end");
            assertEquals("completed", done.getString("status"), done.encodePrettily());
            assertEquals(agent, done.getJsonArray("runs").getJsonObject(0).getString("agent_id"));
            assertEquals(1L, second.get("/api/v1/campaigns").bodyAsJsonObject().getLong("total"),
                    "one firing, one campaign");
            CliRun list = CliRun.of("campaign", "schedule", "list", "--server", url, "--token", second.token());
            assertTrue(list.out().contains("started campaign " + campaignId), list.out());
        }
    }
}
