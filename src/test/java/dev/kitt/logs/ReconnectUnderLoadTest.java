package dev.kitt.logs;

import dev.kitt.cli.Await;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.SseClient;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconnectUnderLoadTest {
    private static final int LINES = 20_000;
    private static final int BATCH = 50;

    @TempDir
    Path home;

    @EveryDialect
    @DisplayName("A client that keeps reconnecting with Last-Event-ID while lines are appended receives exactly 1..N")
    void reconnectsWhileAppendingLoseAndRepeatNothing(String dialect) throws Exception {
        Vertx clients = Vertx.vertx();
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            CompletableFuture<Void> appended = CompletableFuture.runAsync(() -> {
                for (long first = 1; first <= LINES; first += BATCH) {
                    LogStreamSseTest.append(server, "load", first, BATCH);
                }
            });
            List<Long> received = new ArrayList<>();
            int connections = 0;
            Long lastEventId = null;
            while (received.isEmpty() || received.get(received.size() - 1) < LINES) {
                connections++;
                // Each connection leaves after a different number of lines, mid-batch as often as not.
                int want = 1 + (connections * 37) % 400;
                int before = received.size();
                SseClient sse = SseClient.open(clients, server.port(), "/api/v1/logs/load/stream", server.token(), lastEventId);
                sse.awaitFrames(f -> f.stream().filter(x -> x.id() != null).count() >= want
                        || f.stream().anyMatch(x -> x.id() != null && x.id() >= LINES), Duration.ofSeconds(60));
                sse.close();
                received.addAll(sse.ids());
                assertTrue(received.size() > before, "every connection makes progress");
                lastEventId = received.get(received.size() - 1);
            }
            appended.get(60, TimeUnit.SECONDS);
            assertTrue(connections > 20, "the client reconnected many times while lines were appended: " + connections);
            assertEquals(LongStream.rangeClosed(1, LINES).boxed().toList(), received);
        } finally {
            Await.result(clients.close());
        }
    }
}
