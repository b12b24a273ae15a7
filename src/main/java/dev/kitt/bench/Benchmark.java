package dev.kitt.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** One benchmark. Implementations are stateless; everything a run needs comes in the context. */
public interface Benchmark {
    String name();

    String version();

    /** Configuration used when neither the suite nor the user says otherwise. */
    JsonObject defaults();

    /** Runs once; a failed future is reported as a failed result, not a crashed run. */
    Future<BenchResult> run(BenchContext ctx, JsonObject config);
}
