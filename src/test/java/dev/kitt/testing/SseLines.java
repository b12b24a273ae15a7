package dev.kitt.testing;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens an SSE stream on loopback and hands each raw line, undecoded, to a handler: for the lean
 * readers that pick bytes out of lines themselves, where {@link SseClient} keeps whole frames.
 */
public final class SseLines {
    private SseLines() {
    }

    /**
     * Returns once the response has started; closing the returned client ends the stream. Each
     * stream is opened from a context of its own, so many readers spread over the event loops
     * instead of all parsing on the one that happened to open them.
     */
    public static HttpClient open(Vertx vertx, int port, String path, String token, Handler<Buffer> line) throws Exception {
        return openRaw(vertx, port, path, token, RecordParser.newDelimited("\n", line));
    }

    /** As {@link #open}, handing over the response's chunks as they arrive, split anywhere. */
    public static HttpClient openRaw(Vertx vertx, int port, String path, String token, Handler<Buffer> chunks) throws Exception {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
        CompletableFuture<Void> opened = new CompletableFuture<>();
        // Vert.x 5 gives a non-Vert.x thread the same context every time, so ask for a new one.
        Context own = Vertx.currentContext() != null ? Vertx.currentContext()
                : ((VertxInternal) vertx).createEventLoopContext();
        own.runOnContext(v -> http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path)
                        .putHeader("Authorization", "Bearer " + token))
                .compose(req -> req.send()).onSuccess(res -> {
                    res.handler(chunks);
                    opened.complete(null);
                }).onFailure(opened::completeExceptionally));
        opened.get(10, TimeUnit.SECONDS);
        return http;
    }
}
