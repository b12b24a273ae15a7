package dev.kitt.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

/**
 * An engine that misbehaves on purpose: healthy, but /v1/completions either sends SSE data that
 * is not JSON or drops the connection after a few tokens.
 */
final class BadEngineServer {
    enum Fault { MALFORMED_SSE, DROP_MID_STREAM }

    static Future<HttpServer> start(Vertx vertx, Fault fault) {
        return vertx.createHttpServer().requestHandler(req -> {
            HttpServerResponse resp = req.response();
            if (req.path().equals("/health")) {
                resp.end("ok");
                return;
            }
            req.body().onSuccess(body -> {
                resp.setChunked(true).putHeader("Content-Type", "text/event-stream");
                for (int i = 0; i < 3; i++) {
                    resp.write("data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"text\":\" tok\"}]}\n\n");
                }
                if (fault == Fault.MALFORMED_SSE) {
                    resp.write("data: {this is not json\n\n");
                    resp.end("data: [DONE]\n\n");
                } else {
                    vertx.setTimer(5, id -> req.connection().close());
                }
            });
        }).listen(0, "127.0.0.1");
    }
}
