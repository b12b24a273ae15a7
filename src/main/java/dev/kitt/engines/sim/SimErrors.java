package dev.kitt.engines.sim;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** Error bodies in the OpenAI shape, which Ollama clients also read well enough. */
final class SimErrors {
    private SimErrors() {
    }

    static void send(HttpServerResponse response, int status, String message) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // Streaming already started: the only way to signal failure is to cut the stream.
            response.reset();
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", new JsonObject().put("message", message)
                        .put("type", status == 400 ? "invalid_request_error" : "server_error")).encode());
    }
}
