package dev.kitt.server;

import dev.kitt.testing.TestServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 400 about one named input carries that input's name in "field", so a form can put the message next to it. */
class FieldErrorsTest {
    @TempDir
    static Path home;

    static TestServer server;
    static String agentId;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(home, ""));
        agentId = server.post("/api/v1/agents/test", new JsonObject().put("name", "fe-agent")
                .put("hardware", new JsonObject().put("gpu", "Sim").put("gpu_count", 1).put("vram_gb", 24)
                        .put("cores", 8).put("ram_gb", 64)).encode()).bodyAsJsonObject().getString("id");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertField(HttpResponse<Buffer> res, String field, String messagePart) {
        assertEquals(400, res.statusCode(), res.bodyAsString());
        JsonObject body = res.bodyAsJsonObject();
        assertEquals(field, body.getString("field"), body.encode());
        assertTrue(body.getString("error").contains(messagePart), body.encode());
    }

    @Test
    @DisplayName("A quick test names the missing model, the unknown engine, the unknown suite and the unknown agent")
    void quickTestFields() {
        JsonObject ok = new JsonObject().put("agent_id", agentId).put("model", "m").put("engine", "sim").put("suite", "quick");
        assertField(server.post("/api/v1/quicktests", ok.copy().put("model", "").encode()), "model", "field 'model'");
        assertField(server.post("/api/v1/quicktests", ok.copy().put("engine", "warp").encode()), "engine", "unknown engine 'warp'");
        assertField(server.post("/api/v1/quicktests", ok.copy().put("suite", "huge").encode()), "suite", "unknown suite 'huge'");
        assertField(server.post("/api/v1/quicktests", ok.copy().put("agent_id", "nope").encode()), "agent_id", "unknown agent");
    }

    @Test
    @DisplayName("A campaign names the key at fault as a path into its definition")
    void campaignFields() {
        JsonObject def = new JsonObject().put("campaign_name", "c").put("agents", new JsonArray().add(agentId))
                .put("models", new JsonArray().add(new JsonObject().put("name", "m").put("gguf_repo", "r/m")))
                .put("engines", new JsonArray().add(new JsonObject().put("name", "sim")));
        assertField(server.post("/api/v1/campaigns", def.copy().put("campaign_name", " ").encode()), "campaign_name", "campaign_name");
        JsonObject badMode = def.copy();
        badMode.getJsonArray("engines").getJsonObject(0).put("mode", "teleport");
        assertField(server.post("/api/v1/campaigns/plan", badMode.encode()), "engines[0].mode", "mode must be");
        JsonObject badEngine = def.copy().put("engines", new JsonArray().add(new JsonObject().put("name", "sim"))
                .add(new JsonObject().put("name", "warp")));
        assertField(server.post("/api/v1/campaigns/plan", badEngine.encode()), "engines[1].name", "unknown engine 'warp'");
        assertField(server.post("/api/v1/campaigns/plan", def.copy().put("timeout_minutes", 0).encode()), "timeout_minutes", "timeout_minutes");
        assertField(server.post("/api/v1/campaigns/plan", def.copy().put("agents", new JsonArray().add("ghost")).encode()),
                "agents", "unknown agent 'ghost'");
    }

    @Test
    @DisplayName("Enrollment tokens, test agents, settings, users and query parameters name their field too")
    void otherFields() {
        assertField(server.post("/api/v1/enrollment-tokens", "{\"ttl_minutes\": 0}"), "ttl_minutes", "ttl_minutes");
        assertField(server.post("/api/v1/agents/test", "{\"name\": \"x\", \"hardware\": {\"gpu\": \"G\", \"gpu_count\": 99}}"),
                "hardware.gpu_count", "hardware.gpu_count");
        assertField(server.put("/api/v1/settings", "{\"results_dir\": \"relative\"}"), "results_dir", "field 'results_dir'");
        assertField(server.post("/api/v1/users", "{\"username\": \"bad name!\", \"password\": \"long-enough-pw\", \"role\": \"viewer\"}"),
                "username", "field 'username'");
        assertField(server.get("/api/v1/results?per_page=0"), "per_page", "query parameter 'per_page'");
    }

    @Test
    @DisplayName("An error about the whole request has no field key")
    void noFieldWhenNoneIsAtFault() {
        HttpResponse<Buffer> res = server.post("/api/v1/quicktests", "[1]");
        assertEquals(400, res.statusCode());
        assertFalse(res.bodyAsJsonObject().containsKey("field"), res.bodyAsString());
    }
}
