package dev.kitt.agent;

import dev.kitt.cli.Await;
import dev.kitt.testing.Poll;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the agent batches one command's log into `log` frames, through a real outbox on disk. */
class LogShipperTest {
    @TempDir
    Path dir;

    private Vertx vertx;
    private final List<JsonObject> sent = new CopyOnWriteArrayList<>();
    private LogShipper shipper;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        DiskOutbox outbox = new DiskOutbox(vertx, dir);
        Await.result(outbox.open());
        shipper = new LogShipper(vertx, "cmd-1", outbox, sent::add);
    }

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    /** The shipper lives on one event loop, as in the daemon. */
    private void onLoop(Runnable work) {
        vertx.runOnContext(v -> work.run());
    }

    private static long lines(List<JsonObject> frames) {
        return frames.stream().mapToLong(f -> f.getJsonArray("lines").size()).sum();
    }

    @Test
    @DisplayName("a burst goes out in full frames of 1,000 lines, the rest after the linger, numbered 1..N without a gap")
    void burstInFullFrames() {
        onLoop(() -> {
            for (int i = 1; i <= 2_500; i++) {
                shipper.line("line " + i);
            }
        });
        Poll.until(Duration.ofSeconds(10), () -> lines(sent), n -> n == 2_500, "every line shipped");
        assertEquals(List.of(1L, 1_001L, 2_001L), sent.stream().map(f -> f.getLong("firstSeq")).toList());
        assertEquals(List.of(1_000, 1_000, 500), sent.stream().map(f -> f.getJsonArray("lines").size()).toList());
        assertEquals("line 2500", sent.get(2).getJsonArray("lines").getString(499));
        sent.forEach(f -> {
            assertEquals("log", f.getString("type"));
            assertEquals("cmd-1", f.getString("sourceId"));
            assertTrue(f.getString("msgId") != null, "kept in the outbox until the server confirms it");
        });
    }

    @Test
    @DisplayName("long lines close a frame by size before 1,000 lines, and a line over 8 KiB is cut")
    void framesBoundedBySize() {
        String kib = "x".repeat(1_024);
        onLoop(() -> {
            for (int i = 0; i < 600; i++) {
                shipper.line(kib);
            }
            shipper.line("y".repeat(20_000));
        });
        Poll.until(Duration.ofSeconds(10), () -> lines(sent), n -> n == 601, "every line shipped");
        assertTrue(sent.size() >= 3, "600 KiB of text needs at least three frames: " + sent.size());
        for (JsonObject f : sent) {
            long chars = f.getJsonArray("lines").stream().mapToLong(l -> ((String) l).length()).sum();
            assertTrue(chars <= LogShipper.MAX_CHARS, "frame of " + chars + " characters");
        }
        String last = sent.get(sent.size() - 1).getJsonArray("lines").getString(
                sent.get(sent.size() - 1).getJsonArray("lines").size() - 1);
        assertEquals(8_192 + 1, last.length(), "cut to 8 KiB and marked");
        assertTrue(last.endsWith("…"));
    }

    @Test
    @DisplayName("a single quiet line is not held for more lines: it leaves after the linger")
    void quietLineLeaves() {
        onLoop(() -> shipper.line("only line"));
        Poll.until(Duration.ofSeconds(5), () -> sent.size(), n -> n == 1, "the lone line shipped");
        assertEquals(1L, sent.get(0).getLong("firstSeq"));
        onLoop(() -> shipper.line("second"));
        Poll.until(Duration.ofSeconds(5), () -> sent.size(), n -> n == 2, "the next line shipped");
        assertEquals(2L, sent.get(1).getLong("firstSeq"));
    }
}
