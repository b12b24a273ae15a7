package dev.kitt.logs;

import dev.kitt.testing.SseLines;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An SSE reader that keeps only ids, event names and when its last id arrived: a hundred of
 * them following megabytes of log stay light, where {@link dev.kitt.testing.SseClient} keeps
 * every frame.
 */
final class SseIdReader implements AutoCloseable {
    private HttpClient http;
    private final List<Long> ids = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private volatile long lastId;
    private volatile long lastAt;

    private SseIdReader() {
    }

    static SseIdReader open(Vertx vertx, int port, String path, String token) throws Exception {
        SseIdReader reader = new SseIdReader();
        reader.http = SseLines.open(vertx, port, path, token, reader::line);
        return reader;
    }

    /** Only id and event lines are decoded: data lines, the bulk of the bytes, are skipped unread. */
    private synchronized void line(Buffer line) {
        if (line.length() > 4 && line.getByte(0) == 'i' && line.getByte(1) == 'd' && line.getByte(2) == ':') {
            long id = 0;
            for (int i = 4; i < line.length(); i++) {
                id = id * 10 + (line.getByte(i) - '0');
            }
            ids.add(id);
            lastAt = System.nanoTime();
            lastId = id;
        } else if (line.length() > 7 && line.getByte(0) == 'e' && line.getString(0, 7).equals("event: ")) {
            events.add(line.getString(7, line.length()));
        }
    }

    synchronized List<Long> ids() {
        return new ArrayList<>(ids);
    }

    synchronized List<String> events() {
        return new ArrayList<>(events);
    }

    /** System.nanoTime() when the last id arrived. */
    long lastAt() {
        return lastAt;
    }

    void awaitLastId(long id, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (lastId < id) {
            if (System.nanoTime() > end) {
                throw new AssertionError("reader stopped at id " + lastId + ", expected " + id);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
