package dev.kitt.bench.quality;

import dev.kitt.bench.BenchContext;
import dev.kitt.bench.Benchmark;
import dev.kitt.bench.ProgressListener;
import dev.kitt.engines.ApiStyle;
import dev.kitt.engines.LogSink;
import dev.kitt.engines.client.ClientOptions;
import dev.kitt.engines.client.EngineClient;
import dev.kitt.engines.sim.SimEngine;
import dev.kitt.engines.sim.SimOptions;
import dev.kitt.engines.sim.SimProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class QualityCheckpointTest {
    @TempDir
    Path dir;

    private Path writeDataset(int items) throws IOException {
        Path ds = Files.createDirectories(dir.resolve("datasets"));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items; i++) {
            sb.append(new JsonObject().put("question", "Item " + i + "?").put("choices", new JsonArray(List.of("w", "x", "y", "z")))
                    .put("answer", "B").encode()).append('\n');
        }
        Files.writeString(ds.resolve("mmlu.jsonl"), sb);
        return ds;
    }

    @Test
    @DisplayName("An interrupted quality run resumes from its checkpoint and only asks the engine for the remaining items")
    void resumesFromCheckpoint(Vertx vertx, VertxTestContext ctx) throws IOException {
        Path ds = writeDataset(250);
        Path work = dir.resolve("work");
        // What a run killed after its second block leaves behind.
        Files.createDirectories(work.resolve("checkpoints"));
        Files.writeString(work.resolve("checkpoints/mmlu.json"), new JsonObject().put("dataset", ds.resolve("mmlu.jsonl").toString())
                .put("total", 250).put("done", 200).put("correct", 50).put("failed", 0).encode());
        SimEngine sim = new SimEngine();
        Benchmark mmlu = QualityBenchmark.all().get(0);
        sim.start(vertx, SimOptions.defaults().withProfile(SimProfile.named("fast"))).compose(port -> {
            EngineClient client = EngineClient.create(vertx, "http://127.0.0.1:" + port, ApiStyle.OPENAI, "m", ClientOptions.defaults());
            BenchContext bc = new BenchContext(vertx, client, "m", LogSink.discard(), ProgressListener.none(), work, ds,
                    () -> Future.failedFuture("no GPU"));
            return mmlu.run(bc, mmlu.defaults().put("concurrency", 8));
        }).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
            assertEquals(50, sim.truth().size(), "only items 200..249 were sent");
            assertEquals(250, r.metrics().getInteger("items_total"));
            assertEquals(200, r.details().getInteger("resumed_at_item"));
            assertTrue(r.metrics().getInteger("items_correct") >= 50);
            JsonObject cp = new JsonObject(Files.readString(work.resolve("checkpoints/mmlu.json")));
            assertEquals(250, cp.getInteger("done"));
            ctx.completeNow();
        })));
    }

    @Test
    @DisplayName("Each dataset is scored the standard way: option letters for multiple choice, the last number for GSM8K")
    void scoring() {
        JsonObject mc = new JsonObject().put("question", "q").put("choices", new JsonArray(List.of("a", "b", "c", "d"))).put("answer", "C");
        assertTrue(MultipleChoiceTask.mmlu().correct(mc, " C. because"));
        assertFalse(MultipleChoiceTask.mmlu().correct(mc, "I think A"));
        assertFalse(MultipleChoiceTask.mmlu().correct(mc, "no letter here"));
        JsonObject g = new JsonObject().put("question", "q").put("answer", "2 + 2 = 4\n#### 1,204");
        assertTrue(new Gsm8kTask().correct(g, "First 1000 + 204. The answer is 1204."));
        assertFalse(new Gsm8kTask().correct(g, "The answer is 1204 or maybe 5"));
        JsonObject hs = new JsonObject().put("context", "c").put("endings", new JsonArray(List.of("a", "b"))).put("label", 1);
        assertTrue(MultipleChoiceTask.hellaswag().correct(hs, "B"));
        JsonObject tq = new JsonObject().put("question", "q").put("choices", new JsonArray(List.of("a", "b", "c"))).put("correct", 2);
        assertTrue(MultipleChoiceTask.truthfulqa().correct(tq, "Answer: C"));
        assertFalse(MultipleChoiceTask.truthfulqa().correct(tq, "Answer: D"), "D is not an option of a three-way question");
    }
}
