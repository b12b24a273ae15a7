package dev.kitt.engines.client;

import dev.kitt.engines.ApiStyle;
import dev.kitt.engines.sim.SimEngine;
import dev.kitt.engines.sim.SimOptions;
import dev.kitt.engines.sim.SimProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class EngineClientTest {

    private static Future<Integer> sim(Vertx vertx) {
        return new SimEngine().start(vertx, SimOptions.defaults().withProfile(SimProfile.named("fast")));
    }

    @Test
    @DisplayName("The Ollama client streams NDJSON and takes the output-token count from eval_count")
    void ollamaStreaming(Vertx vertx, VertxTestContext ctx) {
        sim(vertx).compose(port -> EngineClient.create(vertx, "http://127.0.0.1:" + port, ApiStyle.OLLAMA, "llama3",
                        ClientOptions.defaults()).generate(GenerationRequest.streaming("tell me", 7)))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertTrue(r.ok(), r.error());
                    assertEquals(7, r.outputTokens());
                    assertEquals(TokenSource.USAGE, r.tokenSource());
                    assertEquals(7, r.tokenNanos().length);
                    assertFalse(r.text().isEmpty());
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("The OpenAI chat client reads delta content and the usage chunk; non-streamed replies keep their text")
    void openAiChatAndWhole(Vertx vertx, VertxTestContext ctx) {
        sim(vertx).compose(port -> {
            EngineClient c = EngineClient.create(vertx, "http://127.0.0.1:" + port, ApiStyle.OPENAI, "m", ClientOptions.defaults());
            return Future.all(c.generate(new GenerationRequest("hi", 5, true, true, 0)),
                    c.generate(new GenerationRequest("hi", 5, false, false, 0)));
        }).onComplete(ctx.succeeding(all -> ctx.verify(() -> {
            RequestResult chat = all.resultAt(0);
            RequestResult whole = all.resultAt(1);
            assertEquals(5, chat.tokenNanos().length, "the role-only chunk is not a token");
            assertEquals(TokenSource.USAGE, chat.tokenSource());
            assertEquals(5, whole.outputTokens());
            assertEquals(whole.e2eMs(), whole.ttftMs(), 1e-9);
            assertTrue(whole.requestId().startsWith("cmpl-"));
            ctx.completeNow();
        })));
    }

    @Test
    @DisplayName("Without a usage report the client counts token chunks and says so")
    void countsChunksWithoutUsage(Vertx vertx, VertxTestContext ctx) {
        vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            req.response().setChunked(true).putHeader("Content-Type", "text/event-stream");
            for (int i = 0; i < 4; i++) {
                req.response().write("data: {\"id\":\"n1\",\"choices\":[{\"index\":0,\"text\":\" w" + i + "\"}]}\n\n");
            }
            req.response().end("data: [DONE]\n\n");
        })).listen(0, "127.0.0.1").map(HttpServer::actualPort)
                .compose(port -> EngineClient.create(vertx, "http://127.0.0.1:" + port, ApiStyle.OPENAI, "m",
                        ClientOptions.defaults()).generate(GenerationRequest.streaming("x", 10)))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertTrue(r.ok(), r.error());
                    assertEquals(4, r.outputTokens());
                    assertEquals(TokenSource.CHUNKS, r.tokenSource());
                    assertEquals(" w0 w1 w2 w3", r.text());
                    ctx.completeNow();
                })));
    }
}
