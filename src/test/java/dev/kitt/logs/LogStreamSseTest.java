package dev.kitt.logs;

import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.SseClient;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogStreamSseTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static Vertx client;

    @TempDir
    Path home;

    @BeforeAll
    static void setUp() {
        System.setProperty("kitt.sse.keepAliveMs", "200");
        client = Vertx.vertx();
    }

    @AfterAll
    static void tearDown() {
        System.clearProperty("kitt.sse.keepAliveMs");
        Await.result(client.close());
    }

    static void append(TestServer server, String source, long firstSeq, int count) {
        JsonArray lines = new JsonArray();
        for (int i = 0; i < count; i++) {
            lines.add("line " + (firstSeq + i));
        }
        Await.result(server.server().vertx().eventBus().request(Addresses.LOGS_APPEND,
                new JsonObject().put("sourceId", source).put("firstSeq", firstSeq).put("lines", lines)));
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @EveryDialect
    @DisplayName("A client that reconnects with Last-Event-ID gets exactly the lines it missed, then live ones")
    void reconnectGetsExactlyTheMissingLines(String dialect) throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            append(server, "qt-1", 1, 10);
            try (SseClient first = SseClient.open(client, server.port(), "/api/v1/logs/qt-1/stream", server.token(), null)) {
                first.awaitLastId(10, DEADLINE);
                assertEquals(range(1, 10), first.ids());
                assertEquals("line 3", new JsonObject(first.frames().stream()
                        .filter(f -> Long.valueOf(3).equals(f.id())).findFirst().orElseThrow().data()).getString("line"));
            }
            append(server, "qt-1", 11, 15);
            try (SseClient again = SseClient.open(client, server.port(), "/api/v1/logs/qt-1/stream", server.token(), 10L)) {
                again.awaitLastId(25, DEADLINE);
                append(server, "qt-1", 26, 5);
                again.awaitLastId(30, DEADLINE);
                assertEquals(range(11, 30), again.ids());
            }
        }
    }

    /** The seqs a batched stream delivered, checking that each event's id is its last line's seq. */
    private static List<Long> batchedSeqs(SseClient sse) {
        List<Long> seqs = new ArrayList<>();
        for (SseClient.Frame f : sse.frames()) {
            if (f.id() == null) {
                continue;
            }
            assertEquals("lines", f.event());
            JsonArray lines = new JsonArray(f.data());
            for (int i = 0; i < lines.size(); i++) {
                JsonObject l = lines.getJsonObject(i);
                assertEquals("line " + l.getLong("seq"), l.getString("line"));
                seqs.add(l.getLong("seq"));
            }
            assertEquals(f.id(), seqs.get(seqs.size() - 1));
        }
        return seqs;
    }

    @EveryDialect
    @DisplayName("A batched stream sends lines events, resumes exactly from a Last-Event-ID inside a batch, and refuses a bad batch value")
    void batchedStream(String dialect) throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            append(server, "qt-b", 1, 10);
            append(server, "qt-b", 11, 15);
            String path = "/api/v1/logs/qt-b/stream?batch=true";
            try (SseClient sse = SseClient.open(client, server.port(), path, server.token(), 4L)) {
                sse.awaitLastId(25, DEADLINE);
                append(server, "qt-b", 26, 5);
                sse.awaitLastId(30, DEADLINE);
                assertEquals(range(5, 30), batchedSeqs(sse));
                // Fewer events than lines: the replay is one event, the live batch another.
                assertTrue(sse.ids().size() <= 3, "events: " + sse.ids());
            }
            // Inside the live batch 26..30, which the feed's memory holds: only 28..30 come back.
            try (SseClient again = SseClient.open(client, server.port(), path, server.token(), 27L);
                 SseClient watcher = SseClient.open(client, server.port(), "/api/v1/logs/qt-b/stream?batch=true", server.token(), 30L)) {
                again.awaitLastId(30, DEADLINE);
                assertEquals(range(28, 30), batchedSeqs(again));
                append(server, "qt-b", 31, 3);
                again.awaitLastId(33, DEADLINE);
                watcher.awaitLastId(33, DEADLINE);
                assertEquals(range(28, 33), batchedSeqs(again));
                assertEquals(range(31, 33), batchedSeqs(watcher));
            }
            var bad = server.get("/api/v1/logs/qt-b/stream?batch=yes");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.bodyAsJsonObject().getString("error").contains("'batch'"), bad.bodyAsString());
        }
    }

    /** Publishes lines as the log writer does, without storing them: only the live feed's memory has them. */
    private static void publishUnstored(TestServer server, String source, long firstSeq, int count) {
        List<String> lines = new ArrayList<>();
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            lines.add("kept " + seq);
        }
        server.server().vertx().eventBus().publish(Addresses.logsLive(source),
                new LogChunk(source, firstSeq, 1L, lines).toJson());
    }

    @Test
    @DisplayName("A reconnect inside the watched source's recent lines is served from memory, up to the newest line")
    void reconnectNearTheHeadIsServedFromMemory() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(home, ""));
             SseClient watcher = SseClient.open(client, server.port(), "/api/v1/logs/mem-1/stream", server.token(), null)) {
            for (long first = 1; first <= 1_500; first += 500) {
                publishUnstored(server, "mem-1", first, 500);
            }
            watcher.awaitLastId(1_500, DEADLINE);
            // The store holds none of these lines: whatever the reconnect gets came from the feed's memory.
            try (SseClient again = SseClient.open(client, server.port(), "/api/v1/logs/mem-1/stream", server.token(), 700L)) {
                again.awaitLastId(1_500, DEADLINE);
                publishUnstored(server, "mem-1", 1_501, 100);
                again.awaitLastId(1_600, DEADLINE);
                assertEquals(range(701, 1_600), again.ids());
                assertEquals("kept 701", new JsonObject(again.frames().stream()
                        .filter(f -> Long.valueOf(701).equals(f.id())).findFirst().orElseThrow().data()).getString("line"));
            }
        }
    }

    @Test
    @DisplayName("Lines appended while the replay runs arrive once each, in order")
    void replayAndLiveOverlapWithoutDuplicates() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")))) {
            append(server, "qt-2", 1, 1200);
            try (SseClient sse = SseClient.open(client, server.port(), "/api/v1/logs/qt-2/stream", server.token(), null)) {
                for (int b = 0; b < 10; b++) {
                    append(server, "qt-2", 1201 + b * 100L, 100);
                }
                sse.awaitLastId(2200, DEADLINE);
                assertEquals(range(1, 2200), sse.ids());
            }
        }
    }

    @Test
    @DisplayName("An idle stream sends a keep-alive comment at the configured interval")
    void idleStreamSendsKeepAlive() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")));
             SseClient sse = SseClient.open(client, server.port(), "/api/v1/logs/idle/stream", server.token(), null)) {
            sse.awaitFrames(f -> f.stream().anyMatch(x -> "keep-alive".equals(x.comment())), DEADLINE);
            assertTrue(sse.ids().isEmpty());
        }
    }

    @Test
    @DisplayName("The stream accepts the token as access_token, and refuses a missing token or a bad Last-Event-ID")
    void streamAuthAndBadInput() throws Exception {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")))) {
            append(server, "qt-3", 1, 3);
            try (SseClient sse = SseClient.open(client, server.port(),
                    "/api/v1/logs/qt-3/stream?access_token=" + server.token() + "&last_event_id=1", null, null)) {
                sse.awaitLastId(3, DEADLINE);
                assertEquals(range(2, 3), sse.ids());
            }
            assertEquals(401, server.send(HttpMethod.GET, "/api/v1/logs/qt-3/stream", null, null).statusCode());
            assertEquals(401, server.send(HttpMethod.GET, "/api/v1/logs/qt-3?access_token=" + server.token(), null, null)
                    .statusCode());
            var bad = server.get("/api/v1/logs/qt-3/stream?last_event_id=abc");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.bodyAsJsonObject().getString("error").contains("Last-Event-ID"));
            assertEquals(400, server.get("/api/v1/logs/bad%20id").statusCode());
        }
    }

    @Test
    @DisplayName("The JSON page lists stored lines after a cursor")
    void jsonPage() {
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")))) {
            append(server, "qt-4", 1, 7);
            JsonObject page = server.get("/api/v1/logs/qt-4?after=2&limit=3").bodyAsJsonObject();
            assertEquals(3, page.getJsonArray("items").size());
            assertEquals(3L, page.getJsonArray("items").getJsonObject(0).getLong("seq"));
            assertEquals(5L, page.getLong("next_after"));
            assertEquals(400, server.get("/api/v1/logs/qt-4?limit=0").statusCode());
        }
    }
}
