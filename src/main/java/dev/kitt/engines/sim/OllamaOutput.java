package dev.kitt.engines.sim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** Writes a sequence in Ollama's /api/generate shape: NDJSON lines when streaming, one object otherwise. */
final class OllamaOutput implements SimOutput {
    private final HttpServerResponse response;
    private final StringBuilder text = new StringBuilder();
    private final String createdAt = Instant.now().toString();
    private String prefix;
    private volatile boolean gone;

    OllamaOutput(HttpServerResponse response) {
        this.response = response;
        response.closeHandler(v -> gone = true);
    }

    void startStream(SimSequence seq) {
        prefix = "{\"model\":" + io.vertx.core.json.Json.encode(seq.model) + ",\"created_at\":\"" + createdAt + "\",\"response\":\"";
        response.setChunked(true).putHeader("Content-Type", "application/x-ndjson").putHeader("X-Request-Id", seq.id);
        response.writeHead();
    }

    @Override
    public long token(SimSequence seq, String token, boolean last) {
        if (!seq.stream) {
            text.append(token);
            return System.nanoTime();
        }
        response.write(Buffer.buffer(prefix + token + "\",\"done\":false}\n"));
        return System.nanoTime();
    }

    @Override
    public void done(SimSequence seq) {
        if (gone) {
            return;
        }
        long total = System.nanoTime() - seq.arrivalNanos;
        JsonObject last = new JsonObject().put("model", seq.model).put("created_at", createdAt)
                .put("response", seq.stream ? "" : text.toString()).put("done", true).put("done_reason", "length")
                .put("total_duration", total).put("prompt_eval_count", seq.promptTokens)
                .put("eval_count", seq.emitted);
        if (seq.stream) {
            response.end(last.encode() + "\n");
        } else {
            response.putHeader("Content-Type", "application/json").putHeader("X-Request-Id", seq.id).end(last.encode());
        }
    }

    @Override
    public void reject(int status, String message) {
        SimErrors.send(response, status, message);
    }

    @Override
    public boolean gone() {
        return gone;
    }
}
