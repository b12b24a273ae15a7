package dev.kitt.bench.quality;

import dev.kitt.bench.BenchContext;
import dev.kitt.bench.BenchResult;
import dev.kitt.bench.Benchmark;
import dev.kitt.engines.client.GenerationRequest;
import dev.kitt.engines.client.RequestResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link QualityTask} over its dataset in blocks of {@link Checkpoint#EVERY} items (up to
 * {@code concurrency} requests at a time inside a block), saving a checkpoint after each block.
 */
public final class QualityBenchmark implements Benchmark {
    private final QualityTask task;

    private QualityBenchmark(QualityTask task) {
        this.task = task;
    }

    public static List<Benchmark> all() {
        return List.of(new QualityBenchmark(MultipleChoiceTask.mmlu()), new QualityBenchmark(new Gsm8kTask()),
                new QualityBenchmark(MultipleChoiceTask.truthfulqa()), new QualityBenchmark(MultipleChoiceTask.hellaswag()));
    }

    @Override
    public String name() {
        return task.name();
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public JsonObject defaults() {
        return new JsonObject().put("concurrency", 4).put("limit", 0).put("max_tokens", task.maxTokens());
    }

    @Override
    public Future<BenchResult> run(BenchContext ctx, JsonObject config) {
        Path file = ctx.workDir().resolve("checkpoints").resolve(task.name() + ".json");
        return ctx.vertx().executeBlocking(() -> {
            Datasets.Loaded d = Datasets.load(task, ctx.datasetDir());
            int limit = config.getInteger("limit", 0);
            List<JsonObject> items = limit > 0 && limit < d.items().size() ? d.items().subList(0, limit) : d.items();
            return new Prepared(items, Checkpoint.read(file, d.source(), items.size()), d.source());
        }, false).compose(p -> {
            if (p.start().done() > 0) {
                ctx.logs().line("bench", task.name() + ": resuming at item " + p.start().done() + " of " + p.items().size());
            }
            return blocks(ctx, config, p.items(), p.start(), file).map(cp -> result(cp, p.source(), p.start().done()));
        });
    }

    /** The dataset to score and where a previous, interrupted run got to. */
    private record Prepared(List<JsonObject> items, Checkpoint start, String source) {
    }

    private Future<Checkpoint> blocks(BenchContext ctx, JsonObject config, List<JsonObject> items, Checkpoint cp, Path file) {
        if (cp.done() >= items.size()) {
            return Future.succeededFuture(cp);
        }
        int end = Math.min(items.size(), cp.done() + Checkpoint.EVERY);
        return block(ctx, config, items.subList(cp.done(), end)).compose(scores -> {
            Checkpoint next = cp.plus(end - cp.done(), scores[0], scores[1]);
            ctx.progress().advanced(next.done(), items.size());
            return ctx.vertx().executeBlocking(() -> {
                next.write(file);
                return next;
            }, false);
        }).compose(next -> blocks(ctx, config, items, next, file));
    }

    /** Scores one block; returns {correct, failed}. */
    private Future<int[]> block(BenchContext ctx, JsonObject config, List<JsonObject> items) {
        int[] scores = new int[2];
        int[] next = {0};
        int workers = Math.max(1, Math.min(config.getInteger("concurrency", 4), items.size()));
        List<Future<Void>> lanes = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            lanes.add(lane(ctx, config, items, next, scores));
        }
        return Future.all(lanes).map(v -> scores);
    }

    private Future<Void> lane(BenchContext ctx, JsonObject config, List<JsonObject> items, int[] next, int[] scores) {
        if (next[0] >= items.size()) {
            return Future.succeededFuture();
        }
        JsonObject item = items.get(next[0]++);
        GenerationRequest req = new GenerationRequest(task.prompt(item), config.getInteger("max_tokens", task.maxTokens()),
                false, false, 0.0);
        return ctx.client().generate(req).compose(r -> {
            score(item, r, scores);
            return lane(ctx, config, items, next, scores);
        });
    }

    private void score(JsonObject item, RequestResult r, int[] scores) {
        if (!r.ok()) {
            scores[1]++;
        } else if (task.correct(item, r.text())) {
            scores[0]++;
        }
    }

    private BenchResult result(Checkpoint cp, String source, int resumedAt) {
        int answered = cp.done() - cp.failed();
        JsonObject m = new JsonObject().put("accuracy", answered > 0 ? (double) cp.correct() / answered : 0.0)
                .put("items_total", cp.done()).put("items_correct", cp.correct()).put("items_failed", cp.failed())
                .put("error_rate", cp.done() > 0 ? (double) cp.failed() / cp.done() : 0.0);
        List<String> errors = cp.failed() > 0 ? List.of(cp.failed() + " of " + cp.done() + " requests failed") : List.of();
        JsonObject details = new JsonObject().put("dataset", source).put("resumed_at_item", resumedAt)
                .put("scoring", task.name().equals("gsm8k") ? "last number equals the #### reference"
                        : "first option letter in the reply equals the reference");
        return new BenchResult(cp.failed() == 0 && cp.done() > 0, m, errors, List.of(), details);
    }
}
