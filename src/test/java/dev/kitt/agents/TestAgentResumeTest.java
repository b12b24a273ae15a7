package dev.kitt.agents;

import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.Fixtures;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A test agent's run whose result was stored just before its node died (the command not yet
 * marked done) is started again after the restart: it must find that result and not store a second.
 */
class TestAgentResumeTest {
    @TempDir
    Path home;

    @Test
    @DisplayName("a test-agent run_test whose result is already stored succeeds with that result and stores no other")
    void resultAlreadyStored() {
        try (TestServer server = TestServer.start(TestServer.config(home, ""), FleetOptions.fast())) {
            String agent = server.post("/api/v1/agents/test", "{\"name\":\"a\",\"hardware\":{\"gpu\":\"H100\"}}")
                    .bodyAsJsonObject().getString("id");
            String commandId = UUID.randomUUID().toString();
            // What the dead node had stored for this command before it could mark the command succeeded.
            JsonObject stored = Fixtures.run("ta-" + commandId, "sim", "tiny-sim", "2026-11-25T10:00:00Z", 100);
            assertEquals(201, server.post("/api/v1/results", stored.encode()).statusCode());

            Await.result(server.server().vertx().eventBus().request(Addresses.COMMANDS_SUBMIT, new JsonObject()
                    .put("agentId", agent).put("type", "run_test").put("commandId", commandId)
                    .put("payload", new JsonObject().put("model", "tiny-sim").put("engine", "sim").put("suite", "quick"))));
            JsonObject done = Poll.until(Duration.ofSeconds(60),
                    () -> server.get("/api/v1/commands/" + commandId).bodyAsJsonObject(),
                    c -> "succeeded".equals(c.getString("state")) || "failed".equals(c.getString("state")),
                    "the command to finish");
            assertEquals("succeeded", done.getString("state"), done.encode());
            assertEquals("ta-" + commandId, done.getJsonObject("result").getString("result_id"), done.encode());
            assertEquals(1L, server.get("/api/v1/results").bodyAsJsonObject().getLong("total"), "no second result");
        }
    }
}
