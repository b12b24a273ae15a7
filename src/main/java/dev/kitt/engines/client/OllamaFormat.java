package dev.kitt.engines.client;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** Ollama /api/generate: NDJSON objects with "response" pieces, the last with done=true and counts. */
final class OllamaFormat implements WireFormat {
    @Override
    public String path(GenerationRequest r) {
        return "/api/generate";
    }

    @Override
    public JsonObject body(GenerationRequest r, String model) {
        return new JsonObject().put("model", model).put("prompt", r.prompt()).put("stream", r.stream())
                .put("options", new JsonObject().put("num_predict", r.maxTokens()).put("temperature", r.temperature()));
    }

    @Override
    public void streamLine(String line, long nanos, ResultBuilder result) {
        if (line.isBlank()) {
            return;
        }
        JsonObject o;
        try {
            o = new JsonObject(line);
        } catch (DecodeException e) {
            throw new MalformedStreamException("NDJSON line is not JSON: " + OpenAiFormat.abbreviate(line));
        }
        read(o, nanos, result, true);
    }

    @Override
    public void wholeBody(JsonObject body, long nanos, ResultBuilder result) {
        read(body, nanos, result, false);
    }

    private static void read(JsonObject o, long nanos, ResultBuilder result, boolean streamed) {
        if (o.containsKey("error")) {
            throw new MalformedStreamException("engine error: " + o.getValue("error"));
        }
        String piece = o.getString("response");
        if (streamed) {
            result.token(piece, nanos);
        } else {
            result.wholeText(piece, nanos);
        }
        if (o.getBoolean("done", false)) {
            result.finished = true;
            result.usageOutputTokens = o.getInteger("eval_count", -1);
            result.promptTokens = o.getInteger("prompt_eval_count", -1);
        }
    }
}
