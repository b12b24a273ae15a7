package dev.kitt.logs.bench;

import dev.kitt.testing.SseLines;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * A lean SSE subscriber for the benchmark: per line it reads the id and the send time the line
 * carries and records the latency at once, so the reader costs the shared CPU little and keeps
 * no frames. Counts any id that is not the previous one plus one (a gap or a duplicate).
 */
final class LatencyReader {
    private HttpClient http;
    private final Histogram latencies = new Histogram(3_600_000_000L, 3);
    /** Written after the line's latency is recorded, so a reader that sees it sees the histogram too. */
    private volatile long lastId;
    private long currentId;
    private long faults;

    private LatencyReader() {
    }

    static LatencyReader open(Vertx vertx, int port, String path, String token) throws Exception {
        LatencyReader reader = new LatencyReader();
        reader.http = SseLines.open(vertx, port, path, token, reader::line);
        return reader;
    }

    /** Reads bytes, not strings: the readers share the server's two cores and must stay cheap. */
    private void line(Buffer line) {
        int n = line.length();
        if (n > 4 && line.getByte(0) == 'i' && line.getByte(1) == 'd' && line.getByte(2) == ':') {
            long id = number(line, 4);
            if (id != currentId + 1) {
                faults++;
            }
            currentId = id;
        } else if (n > 6 && line.getByte(0) == 'd' && line.getByte(1) == 'a') {
            // data: {"seq":N,"ts":T,"line":"<send nanos>"}: the number after the last colon's quote.
            int at = n - 1;
            while (at > 0 && line.getByte(at) != ':') {
                at--;
            }
            if (line.getByte(at + 1) == '"') {
                long sent = number(line, at + 2);
                latencies.recordValue(Math.max(0, (System.nanoTime() - sent) / 1_000));
            }
            lastId = currentId;
        }
    }

    private static long number(Buffer b, int from) {
        long v = 0;
        for (int i = from; i < b.length(); i++) {
            byte c = b.getByte(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    void awaitLastId(long id, int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (lastId < id) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("subscriber stopped at id " + lastId + " of " + id);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
    }

    /** Microseconds from send to receipt; read after {@link #awaitLastId}. */
    Histogram latencies() {
        return latencies;
    }

    long lastId() {
        return lastId;
    }

    long faults() {
        return faults;
    }

    void close() {
        http.close();
    }
}
