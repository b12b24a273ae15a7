package dev.kitt.campaigns;

import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad campaign request is a clear 4xx JSON error. */
class CampaignBadInputTest {
    @TempDir
    static Path home;
    static TestServer server;
    static final FleetStandIn FLEET = new FleetStandIn().agent("agent-a", "x86_64", true);

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(home, ""), dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet());
        FLEET.attach(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String yaml(String engine, String suite, String agents, String models) {
        return "campaign_name: bad\nmodels:\n" + models + "engines:\n  - name: " + engine + "\n    suite: " + suite
                + "\nagents: " + agents + "\n";
    }

    static final String BOTH = "  - name: m1\n    gguf_repo: org/m1-GGUF\n    safetensors_repo: org/m1\n";

    static void assertError(HttpResponse<Buffer> res, int status, String code, String fragment) {
        assertEquals(status, res.statusCode(), res.bodyAsString());
        JsonObject body = res.bodyAsJsonObject();
        assertEquals(code, body.getString("code"), body.encode());
        assertTrue(body.getString("error").contains(fragment), body.encode());
    }

    static HttpResponse<Buffer> create(String yaml) {
        return server.post("/api/v1/campaigns", new JsonObject().put("yaml", yaml).encode());
    }

    @Test
    @DisplayName("an unknown agent, engine or suite is a 400 that names it")
    void unknownNames() {
        assertError(create(yaml("vllm", "quick", "[nobody]", BOTH)), 400, "unknown_agent", "unknown agent 'nobody'");
        assertError(create(yaml("tgi", "quick", "[agent-a]", BOTH)), 400, "unknown_engine", "unknown engine 'tgi'");
        assertError(create(yaml("vllm", "nightly", "[agent-a]", BOTH)), 400, "unknown_suite", "unknown suite 'nightly'");
        assertError(create(yaml("vllm", "quick", "[]", BOTH)), 400, "no_agents", "names no agents");
    }

    @Test
    @DisplayName("a matrix with nothing runnable is a 400 listing why each pair was dropped")
    void emptyMatrix() {
        String onlyGguf = "  - name: tiny\n    gguf_repo: org/tiny-GGUF\n";
        assertError(create(yaml("vllm", "quick", "[agent-a]", onlyGguf)), 400, "empty_matrix",
                "tiny × vllm: model tiny has no weights in a format vllm takes (safetensors)");
        assertError(create(yaml("mlx", "quick", "[agent-a]", BOTH)), 400, "empty_matrix", "mlx needs a arm64 CPU");
    }

    @Test
    @DisplayName("an invalid cron expression, in a schedule or a campaign file, is a 400")
    void invalidCron() {
        var res = server.post("/api/v1/campaigns/schedules", new JsonObject().put("cron", "61 25 * * *")
                .put("yaml", yaml("vllm", "quick", "[agent-a]", BOTH)).encode());
        assertError(res, 400, "invalid_cron", "invalid cron expression");
        assertError(create(yaml("vllm", "quick", "[agent-a]", BOTH) + "schedule: \"every night\"\n"), 400,
                "invalid_cron", "invalid cron expression");
    }

    @Test
    @DisplayName("broken YAML and wrong field types are 400s naming the key")
    void brokenFiles() {
        assertError(create("campaign_name: [unclosed"), 400, "invalid_campaign", "not valid YAML");
        assertError(create("campaign_name: x\nmodels: {}\nengines: []\n"), 400, "invalid_campaign", "models");
        assertError(create(yaml("vllm", "quick", "[agent-a]", BOTH) + "timeout_minutes: 0\n"), 400,
                "invalid_campaign", "timeout_minutes");
        assertError(create(yaml("vllm", "quick", "[agent-a]", BOTH) + "timeout_seconds: 1.5\n"), 400,
                "invalid_campaign", "timeout_seconds must be a whole number of seconds between 1 and 86400");
        assertError(create(yaml("vllm", "quick", "[agent-a]", BOTH) + "timeout_seconds: 5\ntimeout_minutes: 1\n"), 400,
                "invalid_campaign", "give timeout_minutes or timeout_seconds, not both");
    }

    @Test
    @DisplayName("launching a non-draft and editing a running campaign are 409s; cancel and resume work")
    void lifecycleConflicts() {
        FLEET.hold = p -> true;
        String yaml = yaml("vllm", "quick", "[agent-a]", BOTH);
        String id = create(yaml).bodyAsJsonObject().getString("id");
        assertEquals(200, server.post("/api/v1/campaigns/" + id + "/launch", "{}").statusCode());
        assertError(server.post("/api/v1/campaigns/" + id + "/launch", "{}"), 409, "conflict", "only a draft can be launched");
        assertError(server.send(HttpMethod.PUT, "/api/v1/campaigns/" + id, new JsonObject().put("yaml", yaml).encode(),
                server.token()), 409, "conflict", "only a draft can be edited");
        assertError(server.delete("/api/v1/campaigns/" + id), 409, "conflict", "is running");
        assertError(server.post("/api/v1/campaigns/" + id + "/resume", "{}"), 409, "conflict", "only a failed or cancelled");
        Poll.until(Duration.ofSeconds(10), () -> FLEET.commands.size(), n -> n >= 1, "the test to be dispatched");

        var cancelled = server.post("/api/v1/campaigns/" + id + "/cancel", "{}");
        assertEquals(200, cancelled.statusCode(), cancelled.bodyAsString());
        assertEquals("cancelled", server.get("/api/v1/campaigns/" + id).bodyAsJsonObject().getString("status"));
        Poll.until(Duration.ofSeconds(10), () -> FLEET.cancels.size(), n -> n >= 1, "a cancel command to the agent");
        assertError(server.post("/api/v1/campaigns/" + id + "/cancel", "{}"), 409, "conflict", "is cancelled");

        FLEET.hold = p -> false;
        assertEquals(200, server.post("/api/v1/campaigns/" + id + "/resume", "{}").statusCode());
        JsonObject done = Poll.until(Duration.ofSeconds(20), () -> server.get("/api/v1/campaigns/" + id).bodyAsJsonObject(),
                c -> "completed".equals(c.getString("status")), "the resumed campaign to complete");
        assertEquals(1L, done.getJsonObject("counts").getLong("succeeded"));

        assertError(server.post("/api/v1/campaigns/nope/launch", "{}"), 404, "not_found", "campaign nope not found");
        assertError(server.get("/api/v1/campaigns/nope/report?format=pdf"), 400, "invalid_parameter", "format");
    }
}
