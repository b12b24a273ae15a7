package dev.kitt.engines.sim;

import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The sim's HTTP surface, as a table:
 * <pre>
 *   GET  /health                 liveness
 *   GET  /v1/models              OpenAI model list
 *   POST /v1/completions         OpenAI completions (SSE when stream=true)
 *   POST /v1/chat/completions    OpenAI chat completions (SSE when stream=true)
 *   GET  /api/tags               Ollama model list
 *   POST /api/generate           Ollama generate (NDJSON unless stream=false)
 *   GET  /sim/truth              recorded token send times (?tokens=false for first tokens only)
 *   DELETE /sim/truth            forget recorded timings
 *   GET  /sim/stats              queued and running sequences
 * </pre>
 */
final class SimRoutes {
    static final String MODEL = "kitt-sim";
    private final SimScheduler scheduler;
    private final SimTruth truth;
    private final SimProfile profile;
    private long nextId;

    SimRoutes(SimScheduler scheduler, SimTruth truth, SimProfile profile) {
        this.scheduler = scheduler;
        this.truth = truth;
        this.profile = profile;
    }

    Router router(Vertx vertx) {
        Router r = Router.router(vertx);
        r.get("/health").handler(ctx -> json(ctx, new JsonObject().put("status", "ok")));
        r.get("/v1/models").handler(ctx -> json(ctx, new JsonObject().put("object", "list").put("data",
                new JsonArray().add(new JsonObject().put("id", MODEL).put("object", "model").put("owned_by", "kitt")))));
        r.get("/api/tags").handler(ctx -> json(ctx, new JsonObject().put("models",
                new JsonArray().add(new JsonObject().put("name", MODEL).put("model", MODEL)))));
        r.get("/sim/truth").handler(ctx -> json(ctx, truth.toJson(!"false".equals(ctx.request().getParam("tokens")))));
        r.delete("/sim/truth").handler(ctx -> {
            truth.clear();
            ctx.response().setStatusCode(204).end();
        });
        r.get("/sim/stats").handler(ctx -> json(ctx, new JsonObject().put("profile", profile.name())
                .put("queued", scheduler.queued()).put("running", scheduler.running())));
        r.post().handler(BodyHandler.create().setBodyLimit(16 * 1024 * 1024));
        r.post("/v1/completions").handler(ctx -> openAi(ctx, false));
        r.post("/v1/chat/completions").handler(ctx -> openAi(ctx, true));
        r.post("/api/generate").handler(this::ollama);
        return r;
    }

    private void openAi(RoutingContext ctx, boolean chat) {
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        String prompt = chat ? chatText(body.getJsonArray("messages", new JsonArray())) : promptText(body.getValue("prompt"));
        int maxTokens = body.getInteger("max_tokens", body.getInteger("max_completion_tokens", profile.defaultMaxTokens()));
        boolean stream = body.getBoolean("stream", false);
        boolean usage = body.getJsonObject("stream_options", new JsonObject()).getBoolean("include_usage", false);
        OpenAiOutput out = new OpenAiOutput(ctx.response(), chat, usage);
        SimSequence seq = sequence((chat ? "chatcmpl-" : "cmpl-"), body.getString("model", MODEL), prompt, maxTokens, stream, out);
        if (stream) {
            out.startStream(seq);
        }
        scheduler.submit(seq);
    }

    private void ollama(RoutingContext ctx) {
        JsonObject body = body(ctx);
        if (body == null) {
            return;
        }
        JsonObject options = body.getJsonObject("options", new JsonObject());
        int maxTokens = options.getInteger("num_predict", profile.defaultMaxTokens());
        boolean stream = body.getBoolean("stream", true);
        OllamaOutput out = new OllamaOutput(ctx.response());
        SimSequence seq = sequence("gen-", body.getString("model", MODEL), body.getString("prompt", ""), maxTokens, stream, out);
        if (stream) {
            out.startStream(seq);
        }
        scheduler.submit(seq);
    }

    private SimSequence sequence(String idPrefix, String model, String prompt, int maxTokens, boolean stream, SimOutput out) {
        long now = System.nanoTime();
        String id = idPrefix + (++nextId);
        TokenTrace trace = truth.open(id, now, stream);
        return new SimSequence(id, model, SimVocabulary.countTokens(prompt), maxTokens, stream, now, out, trace);
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject b = ctx.body().asJsonObject();
            if (b != null) {
                return b;
            }
        } catch (DecodeException | ClassCastException e) {
            // fall through to the 400 below
        }
        SimErrors.send(ctx.response(), 400, "request body must be a JSON object");
        return null;
    }

    private static String promptText(Object prompt) {
        if (prompt instanceof JsonArray arr) {
            StringBuilder sb = new StringBuilder();
            arr.forEach(p -> sb.append(p).append(' '));
            return sb.toString();
        }
        return prompt == null ? "" : prompt.toString();
    }

    private static String chatText(JsonArray messages) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < messages.size(); i++) {
            sb.append(messages.getJsonObject(i).getString("content", "")).append(' ');
        }
        return sb.toString();
    }

    private static void json(RoutingContext ctx, JsonObject body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
    }
}
