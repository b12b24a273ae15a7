package dev.kitt.engines.client;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** OpenAI completions and chat completions; streamed replies are SSE "data:" lines ending in [DONE]. */
final class OpenAiFormat implements WireFormat {
    @Override
    public String path(GenerationRequest r) {
        return r.chat() ? "/v1/chat/completions" : "/v1/completions";
    }

    @Override
    public JsonObject body(GenerationRequest r, String model) {
        JsonObject b = new JsonObject().put("model", model).put("max_tokens", r.maxTokens())
                .put("temperature", r.temperature()).put("stream", r.stream());
        if (r.chat()) {
            b.put("messages", new JsonArray().add(new JsonObject().put("role", "user").put("content", r.prompt())));
        } else {
            b.put("prompt", r.prompt());
        }
        if (r.stream()) {
            b.put("stream_options", new JsonObject().put("include_usage", true));
        }
        return b;
    }

    @Override
    public void streamLine(String line, long nanos, ResultBuilder result) {
        if (line.isEmpty() || line.startsWith(":") || line.startsWith("event:") || line.startsWith("id:")
                || line.startsWith("retry:")) {
            return;
        }
        if (!line.startsWith("data:")) {
            throw new MalformedStreamException("not an SSE line: " + abbreviate(line));
        }
        String data = line.substring(5).trim();
        if (data.equals("[DONE]")) {
            result.finished = true;
            return;
        }
        if (FastChunk.tryToken(data, nanos, result)) {
            return;
        }
        JsonObject chunk;
        try {
            chunk = new JsonObject(data);
        } catch (DecodeException e) {
            throw new MalformedStreamException("SSE data is not JSON: " + abbreviate(data));
        }
        read(chunk, nanos, result, true);
    }

    @Override
    public void wholeBody(JsonObject body, long nanos, ResultBuilder result) {
        read(body, nanos, result, false);
        result.finished = true;
    }

    private static void read(JsonObject o, long nanos, ResultBuilder result, boolean streamed) {
        if (o.containsKey("error")) {
            throw new MalformedStreamException("engine error: " + o.getValue("error"));
        }
        if (result.requestId == null) {
            result.requestId = o.getString("id");
        }
        JsonArray choices = o.getJsonArray("choices");
        if (choices != null && !choices.isEmpty()) {
            JsonObject c = choices.getJsonObject(0);
            String piece = c.getString("text");
            JsonObject msg = c.getJsonObject(streamed ? "delta" : "message");
            if (piece == null && msg != null) {
                piece = msg.getString("content");
            }
            if (streamed) {
                result.token(piece, nanos);
            } else {
                result.wholeText(piece, nanos);
            }
        }
        JsonObject usage = o.getJsonObject("usage");
        if (usage != null) {
            result.usageOutputTokens = usage.getInteger("completion_tokens", -1);
            result.promptTokens = usage.getInteger("prompt_tokens", -1);
        }
    }

    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
