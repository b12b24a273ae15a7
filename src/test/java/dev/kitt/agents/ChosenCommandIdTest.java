package dev.kitt.agents;

import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A submitter may choose a command's id; submitting it again returns the stored command instead of a second one. */
class ChosenCommandIdTest {
    @TempDir
    Path home;

    @EveryDialect
    @DisplayName("a repeated submit with the same chosen id stores and runs one command; another agent's id is refused")
    void idempotentSubmit(String dialect) {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)),
                FleetOptions.fast())) {
            String a = server.post("/api/v1/agents/test", "{\"name\":\"a\",\"hardware\":{\"gpu\":\"H100\"}}")
                    .bodyAsJsonObject().getString("id");
            String b = server.post("/api/v1/agents/test", "{\"name\":\"b\",\"hardware\":{\"gpu\":\"H100\"}}")
                    .bodyAsJsonObject().getString("id");
            String id = UUID.randomUUID().toString();
            JsonObject body = new JsonObject().put("agentId", a).put("type", "check_docker").put("commandId", id)
                    .put("payload", new JsonObject());
            var bus = server.server().vertx().eventBus();
            JsonObject first = Await.result(bus.<JsonObject>request(Addresses.COMMANDS_SUBMIT, body)).body();
            JsonObject again = Await.result(bus.<JsonObject>request(Addresses.COMMANDS_SUBMIT, body)).body();
            assertEquals(id, first.getString("commandId"));
            assertEquals(id, again.getString("commandId"));
            assertEquals(1, server.get("/api/v1/agents/" + a + "/commands").bodyAsJsonObject().getInteger("total"));
            ReplyException re = assertThrows(ReplyException.class, () -> Await.result(
                    bus.request(Addresses.COMMANDS_SUBMIT, body.copy().put("agentId", b))));
            assertEquals(409, re.failureCode());
            assertTrue(re.getMessage().contains("belongs to another agent"), re.getMessage());
        }
    }
}
