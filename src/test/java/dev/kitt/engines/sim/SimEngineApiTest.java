package dev.kitt.engines.sim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class SimEngineApiTest {

    static Future<Buffer> post(Vertx vertx, int port, String path, JsonObject body) {
        HttpClient http = vertx.createHttpClient();
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setHost("127.0.0.1").setURI(path))
                .compose(req -> req.send(body.toBuffer())).compose(resp -> resp.body());
    }

    static Future<Buffer> get(Vertx vertx, int port, String path) {
        return vertx.createHttpClient().request(HttpMethod.GET, port, "127.0.0.1", path)
                .compose(req -> req.send()).compose(resp -> resp.body());
    }

    @Test
    @DisplayName("A non-streamed completion returns the text, finish reason and usage counting max_tokens output tokens")
    void nonStreamedCompletion(Vertx vertx, VertxTestContext ctx) {
        new SimEngine().start(vertx, SimOptions.defaults().withProfile(SimProfile.named("fast")))
                .compose(port -> post(vertx, port, "/v1/completions", new JsonObject().put("model", "m")
                        .put("prompt", "one two three four").put("max_tokens", 5)))
                .onComplete(ctx.succeeding(buf -> ctx.verify(() -> {
                    JsonObject o = buf.toJsonObject();
                    assertEquals("text_completion", o.getString("object"));
                    assertEquals("length", o.getJsonArray("choices").getJsonObject(0).getString("finish_reason"));
                    assertEquals(5, o.getJsonObject("usage").getInteger("completion_tokens"));
                    assertEquals(4, o.getJsonObject("usage").getInteger("prompt_tokens"));
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("A streamed chat completion sends a role chunk, one chunk per token, a usage chunk when asked, then [DONE]")
    void streamedChatWithUsage(Vertx vertx, VertxTestContext ctx) {
        new SimEngine().start(vertx, SimOptions.defaults().withProfile(SimProfile.named("fast")))
                .compose(port -> post(vertx, port, "/v1/chat/completions", new JsonObject().put("model", "m").put("max_tokens", 6)
                        .put("stream", true).put("stream_options", new JsonObject().put("include_usage", true))
                        .put("messages", new io.vertx.core.json.JsonArray().add(new JsonObject().put("role", "user").put("content", "hi there")))))
                .onComplete(ctx.succeeding(buf -> ctx.verify(() -> {
                    List<String> events = buf.toString().lines().filter(l -> !l.isEmpty()).toList();
                    assertEquals(1 + 6 + 1 + 1, events.size(), events.toString());
                    JsonObject first = new JsonObject(events.get(0).substring(6));
                    assertEquals("assistant", first.getJsonArray("choices").getJsonObject(0).getJsonObject("delta").getString("role"));
                    JsonObject usage = new JsonObject(events.get(7).substring(6));
                    assertTrue(usage.getJsonArray("choices").isEmpty());
                    assertEquals(6, usage.getJsonObject("usage").getInteger("completion_tokens"));
                    assertEquals("data: [DONE]", events.get(8));
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("Ollama /api/generate streams NDJSON pieces and ends with done=true and eval_count")
    void ollamaGenerate(Vertx vertx, VertxTestContext ctx) {
        new SimEngine().start(vertx, SimOptions.defaults().withProfile(SimProfile.named("fast")))
                .compose(port -> post(vertx, port, "/api/generate", new JsonObject().put("model", "llama3").put("prompt", "why")
                        .put("options", new JsonObject().put("num_predict", 4))))
                .onComplete(ctx.succeeding(buf -> ctx.verify(() -> {
                    List<JsonObject> lines = buf.toString().lines().map(JsonObject::new).toList();
                    assertEquals(5, lines.size());
                    assertTrue(lines.subList(0, 4).stream().noneMatch(l -> l.getBoolean("done")));
                    assertTrue(lines.get(4).getBoolean("done"));
                    assertEquals(4, lines.get(4).getInteger("eval_count"));
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("The sim answers /health, /v1/models and /api/tags")
    void discoveryEndpoints(Vertx vertx, VertxTestContext ctx) {
        new SimEngine().start(vertx, SimOptions.defaults()).compose(port -> Future.all(get(vertx, port, "/health"),
                        get(vertx, port, "/v1/models"), get(vertx, port, "/api/tags")))
                .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
                    assertEquals("ok", ((Buffer) all.resultAt(0)).toJsonObject().getString("status"));
                    assertEquals("kitt-sim", ((Buffer) all.resultAt(1)).toJsonObject().getJsonArray("data").getJsonObject(0).getString("id"));
                    assertEquals("kitt-sim", ((Buffer) all.resultAt(2)).toJsonObject().getJsonArray("models").getJsonObject(0).getString("name"));
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("Requests beyond the batch limit queue until running sequences finish")
    void batchLimitQueues(Vertx vertx, VertxTestContext ctx) {
        SimProfile twoSlots = new SimProfile("two-slots", 0, 5, 0, 2, 1_000_000, 0, 4);
        assertOnlyTwoRanAtOnce(vertx, ctx, twoSlots, 4);
    }

    @Test
    @DisplayName("Requests beyond the KV-cache budget queue, and one larger than the whole budget is refused")
    void kvBudgetQueuesAndRefuses(Vertx vertx, VertxTestContext ctx) {
        // Each request reserves 2 prompt + 4 output = 6 tokens; a budget of 13 fits two at once.
        SimProfile smallCache = new SimProfile("small-cache", 0, 5, 0, 64, 13, 0, 4);
        assertOnlyTwoRanAtOnce(vertx, ctx, smallCache, 4);
    }

    @Test
    @DisplayName("A request needing more KV cache than the budget is refused with HTTP 400")
    void oversizeRequestRefused(Vertx vertx, VertxTestContext ctx) {
        SimProfile tiny = new SimProfile("tiny", 0, 5, 0, 64, 8, 0, 4);
        new SimEngine().start(vertx, SimOptions.defaults().withProfile(tiny))
                .compose(port -> post(vertx, port, "/v1/completions", new JsonObject().put("prompt", "a b c").put("max_tokens", 20)))
                .onComplete(ctx.succeeding(buf -> ctx.verify(() -> {
                    assertTrue(buf.toJsonObject().getJsonObject("error").getString("message").contains("KV-cache"));
                    ctx.completeNow();
                })));
    }

    private void assertOnlyTwoRanAtOnce(Vertx vertx, VertxTestContext ctx, SimProfile profile, int requests) {
        SimEngine sim = new SimEngine();
        sim.start(vertx, SimOptions.defaults().withProfile(profile)).compose(port -> {
            List<Future<Buffer>> all = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                all.add(post(vertx, port, "/v1/completions", new JsonObject().put("prompt", "a b").put("max_tokens", 4).put("stream", true)));
            }
            return Future.all(all);
        }).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
            List<TokenTrace> traces = new ArrayList<>();
            for (int i = 1; i <= requests; i++) {
                traces.add(sim.truth().get("cmpl-" + i).orElseThrow());
            }
            traces.sort(Comparator.comparingLong(TokenTrace::firstTokenNanos));
            long firstFinish = Math.min(last(traces.get(0)), last(traces.get(1)));
            assertTrue(traces.get(2).firstTokenNanos() > firstFinish, "third request waited for a free slot");
            assertTrue(traces.get(1).firstTokenNanos() < firstFinish, "two ran together");
            ctx.completeNow();
        })));
    }

    private static long last(TokenTrace t) {
        long[] n = t.tokenNanos();
        return n[n.length - 1];
    }
}
