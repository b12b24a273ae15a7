package dev.kitt.logs;

import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.SseClient;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowSubscriberTest {
    private static final int LINES = 5_000;
    private static final int BATCH = 100;

    @TempDir
    Path home;

    @Test
    @DisplayName("A subscriber that never reads does not hold back 99 others")
    void stalledSubscriberDoesNotStallOthers() throws Exception {
        run(99, false);
    }

    @Test
    @DisplayName("A stalled subscriber that starts reading again is told it lagged and catches up from the store")
    void stalledSubscriberCatchesUp() throws Exception {
        run(5, true);
    }

    private void run(int readerCount, boolean checkCatchUp) throws Exception {
        Vertx clients = Vertx.vertx();
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")))) {
            String token = server.token();
            // The stalled peer: a raw TCP client with a tiny receive window that never reads.
            NetSocket stalled = Await.result(clients.createNetClient(new NetClientOptions().setReceiveBufferSize(4096))
                    .connect(server.port(), "127.0.0.1"));
            stalled.pause();
            StringBuilder raw = new StringBuilder();
            java.util.concurrent.atomic.AtomicBoolean caughtUp = new java.util.concurrent.atomic.AtomicBoolean();
            String marker = "id: " + LINES + "\n";
            stalled.handler(buf -> {
                synchronized (raw) {
                    raw.append(buf.toString());
                    if (raw.indexOf(marker, Math.max(0, raw.length() - buf.length() - marker.length())) >= 0) {
                        caughtUp.set(true);
                    }
                }
            });
            Await.result(stalled.write(Buffer.buffer("GET /api/v1/logs/busy/stream HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n")));

            List<SseClient> readers = new ArrayList<>();
            for (int i = 0; i < readerCount; i++) {
                readers.add(SseClient.open(clients, server.port(), "/api/v1/logs/busy/stream", token, null));
            }
            long t0 = System.nanoTime();
            String padding = "x".repeat(1000);
            for (int first = 1; first <= LINES; first += BATCH) {
                JsonArray lines = new JsonArray();
                for (int i = 0; i < BATCH; i++) {
                    lines.add((first + i) + " " + padding);
                }
                Await.result(server.server().vertx().eventBus().request(Addresses.LOGS_APPEND,
                        new JsonObject().put("sourceId", "busy").put("firstSeq", first).put("lines", lines)));
            }
            System.out.println("appended after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            List<Long> all = LongStream.rangeClosed(1, LINES).boxed().toList();
            for (SseClient reader : readers) {
                reader.awaitLastId(LINES, Duration.ofSeconds(60));
                assertEquals(all, reader.ids());
                assertTrue(reader.frames().stream().noneMatch(f -> "lagged".equals(f.event())));
            }

            System.out.println("readers done after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            if (!checkCatchUp) {
                readers.forEach(SseClient::close);
                return;
            }
            // Let the stalled client read: it is told it lagged, then gets every line once, in order.
            stalled.resume();
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!caughtUp.get()) {
                if (System.nanoTime() > end) {
                    String t = snapshot(raw);
                    throw new AssertionError("stalled client never caught up; " + t.length() + " chars; head: "
                            + t.substring(0, Math.min(400, t.length())) + " tail: " + t.substring(Math.max(0, t.length() - 300)));
                }
                TimeUnit.MILLISECONDS.sleep(20);
            }
            System.out.println("stalled done after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            String text = snapshot(raw);
            assertTrue(text.contains("event: lagged"), "the stalled client is told it fell behind");
            Matcher ids = Pattern.compile("(?m)^id: (\\d+)$").matcher(text);
            List<Long> seen = new ArrayList<>();
            while (ids.find()) {
                seen.add(Long.parseLong(ids.group(1)));
            }
            assertEquals(all, seen);
            readers.forEach(SseClient::close);
        } finally {
            Await.result(clients.close());
        }
    }

    private static String snapshot(StringBuilder raw) {
        synchronized (raw) {
            return raw.toString();
        }
    }
}
