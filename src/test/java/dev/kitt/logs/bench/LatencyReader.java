package dev.kitt.logs.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import org.HdrHistogram.Histogram;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A lean SSE subscriber for the benchmark: per line it reads the id and the send time the line
 * carries and records the latency at once, so the reader costs the shared CPU little and keeps
 * no frames. Counts any id that is not the previous one plus one (a gap or a duplicate).
 */
final class LatencyReader {
    private static final String LINE_FIELD = "\"line\":\"";

    private final HttpClient http;
    private final Histogram latencies = new Histogram(3_600_000_000L, 3);
    /** Written after the line's latency is recorded, so a reader that sees it sees the histogram too. */
    private volatile long lastId;
    private long currentId;
    private long faults;

    private LatencyReader(HttpClient http) {
        this.http = http;
    }

    static LatencyReader open(Vertx vertx, int port, String path, String token) throws Exception {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
        LatencyReader reader = new LatencyReader(http);
        CompletableFuture<Void> opened = new CompletableFuture<>();
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path).putHeader("Authorization", "Bearer " + token))
                .compose(req -> req.send()).onSuccess(res -> {
                    res.handler(RecordParser.newDelimited("\n", buf -> reader.line(buf.toString())));
                    opened.complete(null);
                }).onFailure(opened::completeExceptionally);
        opened.get(10, TimeUnit.SECONDS);
        return reader;
    }

    private void line(String line) {
        if (line.startsWith("id: ")) {
            long id = Long.parseLong(line.substring(4));
            if (id != currentId + 1) {
                faults++;
            }
            currentId = id;
        } else if (line.startsWith("data: ")) {
            int at = line.indexOf(LINE_FIELD);
            if (at >= 0) {
                long sent = Long.parseLong(line.substring(at + LINE_FIELD.length(), line.indexOf('"', at + LINE_FIELD.length())));
                latencies.recordValue(Math.max(0, (System.nanoTime() - sent) / 1_000));
            }
            lastId = currentId;
        }
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

    long faults() {
        return faults;
    }

    void close() {
        http.close();
    }
}
