package dev.kitt.logs;

import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.EveryDialect;
import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 99 real SSE readers and one client that stops reading its socket (a raw TCP client with a
 * 4 KiB receive buffer, paused), so TCP backpressure reaches the server. Then the stalled client
 * reads again while lines keep coming.
 */
class SlowSubscriberTest {
    private static final int READERS = 99;
    /** Lines written while the client is stalled: about 8 MB; loopback socket buffers absorb up to 4 MB. */
    private static final int STALLED_LINES = 8_000;
    /** Lines written while the stalled client catches up. */
    private static final int CATCH_UP_LINES = 2_000;
    private static final int BATCH = 100;
    private static final String PADDING = "x".repeat(1000);

    @TempDir
    Path home;

    @BeforeAll
    static void smallQueue() {
        // A queue of 500 lines, not 20,000, so 8 MB are enough to overflow it behind the socket buffers.
        System.setProperty("kitt.sse.bufferItems", "500");
    }

    @AfterAll
    static void defaultQueue() {
        System.clearProperty("kitt.sse.bufferItems");
    }

    @EveryDialect
    @DisplayName("With one subscriber stalled, 99 others get every line promptly; the stalled one, reading again mid-stream, is told it lagged and catches up with every line once")
    void stalledSubscriberNeitherStallsOthersNorLosesLines(String dialect) throws Exception {
        Vertx clients = Vertx.vertx();
        try (TestServer server = TestServer.start(TestServer.config(home, TestDatabases.urlFor(dialect)))) {
            String token = server.token();
            StalledClient stalled = StalledClient.open(clients, server.port(), "/api/v1/logs/busy/stream", token);
            List<SseIdReader> readers = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readers.add(SseIdReader.open(clients, server.port(), "/api/v1/logs/busy/stream", token));
            }

            append(server, 1, STALLED_LINES);
            long appended = System.nanoTime();
            for (SseIdReader reader : readers) {
                reader.awaitLastId(STALLED_LINES, Duration.ofSeconds(60));
                long behindMs = (reader.lastAt() - appended) / 1_000_000;
                // The others do not wait for the stalled one: each has the last line soon after it is
                // stored. The bound is the time 99 readers in this JVM need to parse 8 MB each on a
                // shared 2-core machine; a reader held back by the stalled one would never finish.
                assertTrue(behindMs < 15_000, "a reader got the last line " + behindMs + " ms after it was stored");
            }

            // Reading again while lines keep coming: the catch-up from the store overlaps live lines.
            stalled.resume();
            append(server, STALLED_LINES + 1, CATCH_UP_LINES);
            int total = STALLED_LINES + CATCH_UP_LINES;
            List<Long> all = LongStream.rangeClosed(1, total).boxed().toList();
            for (SseIdReader reader : readers) {
                reader.awaitLastId(total, Duration.ofSeconds(60));
                assertEquals(all, reader.ids());
                // A reader may itself fall behind the unpaced appends on a loaded machine and be told
                // so; what matters is that it still gets every line exactly once.
                reader.close();
            }
            stalled.awaitId(total, Duration.ofSeconds(90));
            String text = stalled.text();
            assertTrue(text.contains("event: lagged\ndata: {\"after\":"), "the stalled client is told it fell behind");
            assertEquals(all, stalled.ids());
        } finally {
            Await.result(clients.close());
        }
    }

    private static void append(TestServer server, long from, int count) {
        for (long first = from; first < from + count; first += BATCH) {
            JsonArray lines = new JsonArray();
            for (int i = 0; i < BATCH; i++) {
                lines.add((first + i) + " " + PADDING);
            }
            Await.result(server.server().vertx().eventBus().request(Addresses.LOGS_APPEND,
                    new JsonObject().put("sourceId", "busy").put("firstSeq", first).put("lines", lines)));
        }
    }

    /** A raw HTTP/1.1 client with a tiny receive buffer that reads nothing until resumed. */
    private static final class StalledClient {
        private static final Pattern ID = Pattern.compile("(?m)^id: (\\d+)$");
        private final NetSocket socket;
        private final StringBuilder raw = new StringBuilder();

        private StalledClient(NetSocket socket) {
            this.socket = socket;
        }

        static StalledClient open(Vertx vertx, int port, String path, String token) {
            NetSocket socket = Await.result(vertx.createNetClient(new NetClientOptions().setReceiveBufferSize(4096))
                    .connect(port, "127.0.0.1"));
            socket.pause();
            StalledClient client = new StalledClient(socket);
            socket.handler(buf -> {
                synchronized (client.raw) {
                    client.raw.append(buf.toString());
                }
            });
            Await.result(socket.write(Buffer.buffer("GET " + path + " HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n")));
            return client;
        }

        void resume() {
            socket.resume();
        }

        String text() {
            synchronized (raw) {
                return raw.toString();
            }
        }

        /** Every id in the order received (chunk-size lines of the HTTP framing fall between frames). */
        List<Long> ids() {
            Matcher m = ID.matcher(text());
            List<Long> ids = new ArrayList<>();
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            return ids;
        }

        void awaitId(long id, Duration deadline) {
            String marker = "id: " + id + "\n";
            long end = System.nanoTime() + deadline.toNanos();
            while (!text().contains(marker)) {
                if (System.nanoTime() > end) {
                    String t = text();
                    throw new AssertionError("stalled client never caught up; " + t.length() + " chars; tail: "
                            + t.substring(Math.max(0, t.length() - 300)));
                }
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            }
        }
    }
}
