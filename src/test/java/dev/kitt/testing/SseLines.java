package dev.kitt.testing;

import io.vertx.core.Handler;
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

    /** Returns once the response has started; closing the returned client ends the stream. */
    public static HttpClient open(Vertx vertx, int port, String path, String token, Handler<Buffer> line) throws Exception {
        HttpClient http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
        CompletableFuture<Void> opened = new CompletableFuture<>();
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setURI(path).putHeader("Authorization", "Bearer " + token))
                .compose(req -> req.send()).onSuccess(res -> {
                    res.handler(RecordParser.newDelimited("\n", line));
                    opened.complete(null);
                }).onFailure(opened::completeExceptionally);
        opened.get(10, TimeUnit.SECONDS);
        return http;
    }
}
