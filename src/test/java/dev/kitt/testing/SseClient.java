package dev.kitt.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real SSE reader over HTTP: records every frame (and comment) it receives, in order. */
public final class SseClient implements AutoCloseable {
    public record Frame(Long id, String event, String data, String comment) {
    }

    private final java.util.IdentityHashMap<Frame, Long> arrival = new java.util.IdentityHashMap<>();

    private final List<Frame> frames = new ArrayList<>();
    private final HttpClient http;
    private volatile int status;

    private SseClient(HttpClient http) {
        this.http = http;
    }

    public static SseClient open(Vertx vertx, int port, String path, String token, Long lastEventId) throws Exception {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
        SseClient client = new SseClient(http);
        RequestOptions opts = new RequestOptions().setMethod(HttpMethod.GET).setURI(path);
        if (token != null) {
            opts.putHeader("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            opts.putHeader("Last-Event-ID", String.valueOf(lastEventId));
        }
        CompletableFuture<Integer> opened = new CompletableFuture<>();
        http.request(opts).compose(req -> req.send()).onSuccess(res -> {
            client.status = res.statusCode();
            client.read(res);
            opened.complete(res.statusCode());
        }).onFailure(opened::completeExceptionally);
        opened.get(10, TimeUnit.SECONDS);
        return client;
    }

    private void read(HttpClientResponse res) {
        List<String> block = new ArrayList<>();
        RecordParser parser = RecordParser.newDelimited("\n", buf -> {
            String line = buf.toString();
            if (!line.isEmpty()) {
                block.add(line);
                return;
            }
            Long id = null;
            String event = null;
            String comment = null;
            StringBuilder data = null;
            for (String l : block) {
                if (l.startsWith(":")) {
                    comment = l.substring(1).trim();
                } else if (l.startsWith("id: ")) {
                    id = Long.parseLong(l.substring(4));
                } else if (l.startsWith("event: ")) {
                    event = l.substring(7);
                } else if (l.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(l.substring(6)) : data.append('\n').append(l.substring(6));
                }
            }
            block.clear();
            synchronized (frames) {
                Frame frame = new Frame(id, event, data == null ? null : data.toString(), comment);
                frames.add(frame);
                arrival.put(frame, System.nanoTime());
            }
        });
        res.handler(parser);
    }

    public int status() {
        return status;
    }

    public List<Frame> frames() {
        synchronized (frames) {
            return new ArrayList<>(frames);
        }
    }

    /** System.nanoTime() when the frame was parsed (for latency measurements). */
    public long receivedAt(Frame frame) {
        synchronized (frames) {
            return arrival.get(frame);
        }
    }

    public List<Long> ids() {
        return frames().stream().map(Frame::id).filter(java.util.Objects::nonNull).toList();
    }

    /** Polls until the frames satisfy the condition, failing after the deadline. */
    public void awaitFrames(Predicate<List<Frame>> done, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.test(frames())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out; received " + frames().size() + " frames, last: "
                        + (frames().isEmpty() ? "none" : frames().get(frames().size() - 1)));
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    public void awaitLastId(long id, Duration deadline) throws InterruptedException {
        awaitFrames(f -> f.stream().anyMatch(x -> x.id() != null && x.id() >= id), deadline);
    }

    @Override
    public void close() {
        http.close();
    }
}
