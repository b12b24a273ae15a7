package dev.kitt.events;

import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.SseClient;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventStreamSseTest {
    private static Vertx client;

    @TempDir
    Path home;

    @BeforeAll
    static void setUp() {
        client = Vertx.vertx();
    }

    @AfterAll
    static void tearDown() {
        Await.result(client.close());
    }

    private static long record(TestServer server, String type, String source) {
        return Await.result(server.server().vertx().eventBus().<JsonObject>request(Addresses.EVENTS_RECORD,
                new JsonObject().put("type", type).put("source_id", source).put("body", new JsonObject().put("n", 1))))
                .body().getLong("seq");
    }

    @EveryDialect
    @DisplayName("Recorded events are stored, replayed after Last-Event-ID, streamed live, and filtered by source; heartbeats ride along")
    void eventsStream(String dialect) throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            long first = record(server, "run.completed", "agent-1");
            long second = record(server, "quicktest.started", "agent-2");
            try (var all = SseClient.open(client, server.port(),
                    "/api/v1/events/stream", server.token(), first);
                 var one = SseClient.open(client, server.port(),
                         "/api/v1/events/stream?source=agent-1", server.token(), null)) {
                all.awaitLastId(second, Duration.ofSeconds(10));
                long third = record(server, "run.completed", "agent-1");
                all.awaitLastId(third, Duration.ofSeconds(10));
                one.awaitLastId(third, Duration.ofSeconds(10));
                assertEquals(List.of(second, third), all.ids());
                assertEquals(List.of(first, third), one.ids());
                assertEquals("run.completed", new JsonObject(one.frames().stream()
                        .filter(f -> f.id() != null).findFirst().orElseThrow().data()).getString("type"));
                server.server().vertx().eventBus().publish(Addresses.AGENTS_HEARTBEAT,
                        new JsonObject().put("agent_id", "agent-1").put("gpus", new io.vertx.core.json.JsonArray()));
                one.awaitFrames(f -> f.stream().anyMatch(x -> "heartbeat".equals(x.event())), Duration.ofSeconds(10));
            }
            JsonObject page = server.get("/api/v1/events?source=agent-2").bodyAsJsonObject();
            assertEquals(1, page.getJsonArray("items").size());
            assertTrue(server.get("/api/v1/events?after=-1").statusCode() == 400);
        }
    }
}
