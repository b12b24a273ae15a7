package dev.kitt.engines.sim;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Writes a sequence in the OpenAI shape: SSE chunks ("data: {...}" + blank line, then
 * "data: [DONE]") when streaming, one JSON body otherwise; /v1/completions and
 * /v1/chat/completions differ only in the chunk's object name and text field. Chunks are spliced
 * from pre-built templates because JSON-encoding every token costs more than the socket write.
 */
final class OpenAiOutput implements SimOutput {
    private final HttpServerResponse response;
    private final boolean chat;
    private final boolean includeUsage;
    private final long created;
    private final StringBuilder text = new StringBuilder();
    private String prefix;
    private volatile boolean gone;

    OpenAiOutput(HttpServerResponse response, boolean chat, boolean includeUsage) {
        this.response = response;
        this.chat = chat;
        this.includeUsage = includeUsage;
        this.created = System.currentTimeMillis() / 1000;
        response.closeHandler(v -> gone = true);
    }

    /** Sends the SSE headers at once so the client's TTFT clock measures tokens, not headers. */
    void startStream(SimSequence seq) {
        prefix = "data: {\"id\":\"" + seq.id + "\",\"object\":\"" + (chat ? "chat.completion.chunk" : "text_completion")
                + "\",\"created\":" + created + ",\"model\":" + io.vertx.core.json.Json.encode(seq.model) + ",\"choices\":[{\"index\":0,";
        response.setChunked(true).putHeader("Content-Type", "text/event-stream")
                .putHeader("Cache-Control", "no-cache").putHeader("X-Request-Id", seq.id);
        response.writeHead();
        if (chat) {
            response.write(prefix + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}]}\n\n");
        }
    }

    @Override
    public long token(SimSequence seq, String token, boolean last) {
        if (!seq.stream) {
            text.append(token);
            return System.nanoTime();
        }
        String body = chat ? "\"delta\":{\"content\":\"" + token + "\"}" : "\"text\":\"" + token + "\",\"logprobs\":null";
        String finish = last ? "\"length\"" : "null";
        String chunk = prefix + body + ",\"finish_reason\":" + finish + "}]}\n\n";
        response.write(Buffer.buffer(chunk.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return System.nanoTime();
    }

    @Override
    public void done(SimSequence seq) {
        if (gone) {
            return;
        }
        JsonObject usage = new JsonObject().put("prompt_tokens", seq.promptTokens)
                .put("completion_tokens", seq.emitted).put("total_tokens", seq.promptTokens + seq.emitted);
        if (seq.stream) {
            if (includeUsage) {
                JsonObject last = new JsonObject().put("id", seq.id)
                        .put("object", chat ? "chat.completion.chunk" : "text_completion").put("created", created)
                        .put("model", seq.model).put("choices", new JsonArray()).put("usage", usage);
                response.write("data: " + last.encode() + "\n\n");
            }
            response.end("data: [DONE]\n\n");
            return;
        }
        JsonObject choice = new JsonObject().put("index", 0).put("finish_reason", "length");
        if (chat) {
            choice.put("message", new JsonObject().put("role", "assistant").put("content", text.toString()));
        } else {
            choice.put("text", text.toString()).putNull("logprobs");
        }
        JsonObject body = new JsonObject().put("id", seq.id)
                .put("object", chat ? "chat.completion" : "text_completion").put("created", created)
                .put("model", seq.model).put("choices", new JsonArray().add(choice)).put("usage", usage);
        response.putHeader("Content-Type", "application/json").putHeader("X-Request-Id", seq.id).end(body.encode());
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
