package dev.kitt.logs.bench;

import dev.kitt.testing.SseLines;
import io.netty.buffer.ByteBuf;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.internal.buffer.BufferInternal;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * A lean SSE subscriber for the benchmark: per line it reads the id and the send time the line
 * carries and records the latency at once, so the reader costs the shared CPU little and keeps
 * no frames. Counts any id that is not the previous one plus one (a gap or a duplicate). Reads
 * both forms of the log stream: an event per line, and batched {@code lines} events (whose id
 * must be their last line's seq).
 */
final class LatencyReader {
    private HttpClient http;
    private final Histogram latencies = new Histogram(3_600_000_000L, 3);
    private final Histogram fromSend = new Histogram(3_600_000_000L, 3);
    /** Written after the line's latency is recorded, so a reader that sees it sees the histogram too. */
    private volatile long lastId;
    private long currentId;
    private long eventId;
    private long faults;
    private byte[] partial = new byte[256];
    private int partialLength;

    private final long warmupLines;

    private LatencyReader(long warmupLines) {
        this.warmupLines = warmupLines;
    }

    /** Lines up to {@code warmupLines} are checked for gaps but their latency is not recorded. */
    static LatencyReader open(Vertx vertx, int port, String path, String token, long warmupLines) throws Exception {
        LatencyReader reader = new LatencyReader(warmupLines);
        reader.http = SseLines.openRaw(vertx, port, path, token, reader::chunk);
        return reader;
    }

    /**
     * Splits the raw stream into lines itself, keeping only a partial line between chunks: the
     * readers share the server's two cores, and a buffer object per line cost them more than the
     * server spends on the whole path.
     */
    private void chunk(Buffer chunk) {
        ByteBuf buf = ((BufferInternal) chunk).getByteBuf();
        byte[] bytes;
        int base;
        if (buf.hasArray()) {
            bytes = buf.array();
            base = buf.arrayOffset();
        } else {
            bytes = chunk.getBytes();
            base = -buf.readerIndex();
        }
        int end = buf.writerIndex();
        int start = buf.readerIndex();
        // Netty's indexOf compares eight bytes at a time: the scan is most of a reader's cost.
        for (int nl = buf.indexOf(start, end, (byte) '\n'); nl >= 0; nl = buf.indexOf(start, end, (byte) '\n')) {
            if (partialLength > 0) {
                append(bytes, base + start, base + nl);
                line(partial, 0, partialLength);
                partialLength = 0;
            } else {
                line(bytes, base + start, base + nl);
            }
            start = nl + 1;
        }
        append(bytes, base + start, base + end);
    }

    private void append(byte[] bytes, int from, int to) {
        int n = to - from;
        if (partialLength + n > partial.length) {
            partial = java.util.Arrays.copyOf(partial, Math.max(partial.length * 2, partialLength + n));
        }
        System.arraycopy(bytes, from, partial, partialLength, n);
        partialLength += n;
    }

    /** One line, bytes [from, to). */
    private void line(byte[] b, int from, int to) {
        int n = to - from;
        if (n > 4 && b[from] == 'i' && b[from + 1] == 'd' && b[from + 2] == ':') {
            eventId = number(b, from + 4, to);
        } else if (n > 7 && b[from] == 'd' && b[from + 1] == 'a' && b[from + 6] == '[') {
            batch(b, from + 7, to);
        } else if (n > 6 && b[from] == 'd' && b[from + 1] == 'a') {
            // data: {"seq":N,"ts":T,"line":"<produced nanos> <sent nanos>"}: after the last colon's quote.
            seen(eventId);
            int at = to - 1;
            while (at > from && b[at] != ':') {
                at--;
            }
            if (b[at + 1] == '"' && currentId > warmupLines) {
                long now = System.nanoTime();
                int space = at + 2;
                while (space < to && b[space] != ' ') {
                    space++;
                }
                latencies.recordValue(Math.max(0, (now - number(b, at + 2, to)) / 1_000));
                fromSend.recordValue(Math.max(0, (now - number(b, space + 1, to)) / 1_000));
            }
            lastId = currentId;
        }
    }

    /** A batched event's data after its '[': {"seq":N,"ts":T,"line":"<produced> <sent>"},... ; its id must be the last seq. */
    private void batch(byte[] b, int i, int to) {
        long now = System.nanoTime();
        while (i < to && b[i] == '{') {
            i += 7;
            long seq = 0;
            for (; b[i] >= '0' && b[i] <= '9'; i++) {
                seq = seq * 10 + (b[i] - '0');
            }
            i += 6;
            while (b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            i += 9;
            long produced = 0;
            for (; b[i] >= '0' && b[i] <= '9'; i++) {
                produced = produced * 10 + (b[i] - '0');
            }
            long sent = 0;
            for (i++; b[i] >= '0' && b[i] <= '9'; i++) {
                sent = sent * 10 + (b[i] - '0');
            }
            i += b[i + 2] == ',' ? 3 : 2;
            seen(seq);
            if (seq > warmupLines) {
                latencies.recordValue(Math.max(0, (now - produced) / 1_000));
                fromSend.recordValue(Math.max(0, (now - sent) / 1_000));
            }
        }
        if (eventId != currentId) {
            faults++;
        }
        lastId = currentId;
    }

    private void seen(long id) {
        if (id != currentId + 1) {
            faults++;
        }
        currentId = id;
    }

    private static long number(byte[] b, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
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

    /** Microseconds from the line's production to receipt; read after {@link #awaitLastId}. */
    Histogram latencies() {
        return latencies;
    }

    /** Microseconds from the agent sending the line's frame to receipt. */
    Histogram fromSend() {
        return fromSend;
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
