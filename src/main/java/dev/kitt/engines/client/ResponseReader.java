package dev.kitt.engines.client;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * Reads one reply: a streamed one line by line with each read's arrival time, or a whole body.
 * Every way a reply can go wrong ends the request with a result that says what happened.
 */
final class ResponseReader {
    private final WireFormat format;
    private final boolean stream;
    private final ResultBuilder result;
    private final EngineClient.Finisher finish;
    private final HttpClientRequest request;
    private boolean failed;

    ResponseReader(WireFormat format, boolean stream, ResultBuilder result, EngineClient.Finisher finish,
                   HttpClientRequest request) {
        this.format = format;
        this.stream = stream;
        this.result = result;
        this.finish = finish;
        this.request = request;
    }

    void read(HttpClientResponse resp) {
        String id = resp.getHeader("X-Request-Id");
        if (id != null) {
            result.requestId = id;
        }
        if (!EngineClient.ok(resp)) {
            resp.body().onComplete(ar -> fail("HTTP " + resp.statusCode() + ": "
                    + (ar.succeeded() ? OpenAiFormat.abbreviate(ar.result().toString()) : "no body")));
            return;
        }
        if (stream) {
            readStream(resp);
        } else {
            resp.body().onSuccess(buf -> {
                long now = System.nanoTime();
                try {
                    format.wholeBody(new JsonObject(buf), now, result);
                    finish.done(result.success(now, false));
                } catch (DecodeException | MalformedStreamException e) {
                    fail("malformed reply: " + e.getMessage());
                }
            }).onFailure(e -> fail("connection lost before the reply was complete: " + EngineClient.describe(e)));
        }
    }

    private void readStream(HttpClientResponse resp) {
        LineSplitter lines = new LineSplitter((line, nanos) -> format.streamLine(line, nanos, result));
        resp.handler(buf -> {
            long now = System.nanoTime();
            if (failed) {
                return;
            }
            try {
                lines.feed(buf, now);
            } catch (MalformedStreamException e) {
                fail("malformed stream: " + e.getMessage());
                request.reset();
            }
        });
        resp.exceptionHandler(e -> fail("connection lost mid-stream after " + result.chunkTokens() + " tokens: "
                + EngineClient.describe(e)));
        resp.endHandler(v -> {
            long now = System.nanoTime();
            if (failed) {
                return;
            }
            try {
                if (!lines.rest().isBlank()) {
                    format.streamLine(lines.rest(), now, result);
                }
            } catch (MalformedStreamException e) {
                fail("malformed stream: " + e.getMessage());
                return;
            }
            if (result.finished) {
                finish.done(result.success(now, true));
            } else {
                fail("stream ended without its end marker after " + result.chunkTokens() + " tokens");
            }
        });
    }

    private void fail(String message) {
        if (!failed) {
            failed = true;
            finish.done(result.failure(message, System.nanoTime(), stream));
        }
    }
}
