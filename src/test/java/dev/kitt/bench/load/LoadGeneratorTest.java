package dev.kitt.bench.load;

import dev.kitt.engines.ApiStyle;
import dev.kitt.engines.client.ClientOptions;
import dev.kitt.engines.client.EngineClient;
import dev.kitt.engines.sim.SimEngine;
import dev.kitt.engines.sim.SimOptions;
import dev.kitt.engines.sim.SimProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class LoadGeneratorTest {
    private final SimEngine sim = new SimEngine();

    private Future<EngineClient> client(Vertx vertx) {
        return sim.start(vertx, SimOptions.defaults().withProfile(SimProfile.named("fast")))
                .map(port -> EngineClient.create(vertx, "http://127.0.0.1:" + port, ApiStyle.OPENAI, "m",
                        ClientOptions.defaults().withMaxConnections(64).withKeepText(false)));
    }

    @Test
    @DisplayName("A closed loop sends the warm-up requests first and leaves them out of every metric")
    void warmupExcluded(Vertx vertx, VertxTestContext ctx) {
        LoadSpec spec = LoadSpec.closed(4, 20, 8).withWarmup(6);
        client(vertx).compose(c -> new LoadGenerator(vertx).run(c, spec, PromptSource.synthetic(16, 1), true, null))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertEquals(26, sim.truth().size(), "the sim saw warm-up and measured requests");
                    assertEquals(20, r.results().size());
                    assertEquals(20, r.metrics().getLong("requests_completed"));
                    assertEquals(160, r.metrics().getLong("total_output_tokens"));
                    assertEquals(0.0, r.metrics().getDouble("error_rate"));
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("An open loop at a constant rate sends about rate × duration requests and reports its schedule lag")
    void openLoopRate(Vertx vertx, VertxTestContext ctx) {
        LoadSpec spec = new LoadSpec(LoadSpec.Mode.OPEN, 64, 40, LoadSpec.Arrival.CONSTANT, 0, 1_000, 0, 4, true, 1, 2_000, 200);
        client(vertx).compose(c -> new LoadGenerator(vertx).run(c, spec, PromptSource.synthetic(8, 1), false, null))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    long n = r.metrics().getLong("requests_completed");
                    assertTrue(n >= 36 && n <= 42, "requests " + n);
                    assertTrue(r.scheduleLagMsP99() < 200, "lag " + r.scheduleLagMsP99());
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("A run sharded over two event loops sends every request once and merges the measurements")
    void shardedRun(Vertx vertx, VertxTestContext ctx) {
        LoadSpec spec = LoadSpec.closed(6, 21, 4).withWarmup(4);
        client(vertx).compose(c -> new LoadGenerator(vertx).runSharded(c, spec, PromptSource.synthetic(8, 1), true, 2))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertEquals(25, sim.truth().size());
                    assertEquals(21, r.results().size());
                    assertEquals(21, r.metrics().getLong("requests_completed"));
                    assertEquals(84, r.metrics().getLong("total_output_tokens"));
                    assertTrue(r.metrics().containsKey("ttft_ms_p99"));
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("Closing the engine client under a running closed or open loop fails the run at once, naming the cause")
    void closedClientStopsTheRun(Vertx vertx, VertxTestContext ctx) {
        LoadSpec closedLoop = new LoadSpec(LoadSpec.Mode.CLOSED, 8, 0, LoadSpec.Arrival.POISSON, 0, 60_000, 0, 4, true, 1, 2_000, 200);
        LoadSpec openLoop = new LoadSpec(LoadSpec.Mode.OPEN, 64, 200, LoadSpec.Arrival.CONSTANT, 0, 60_000, 0, 4, true, 1, 2_000, 200);
        long started = System.nanoTime();
        client(vertx).compose(c -> {
            Future<LoadReport> closed = new LoadGenerator(vertx).run(c, closedLoop, PromptSource.synthetic(8, 1), false, null);
            Future<LoadReport> open = new LoadGenerator(vertx).run(c, openLoop, PromptSource.synthetic(8, 1), false, null);
            vertx.setTimer(500, id -> c.close());
            return Future.join(closed, open).transform(ar -> Future.succeededFuture(List.of(closed, open)));
        }).onComplete(ctx.succeeding(runs -> ctx.verify(() -> {
            for (Future<LoadReport> run : runs) {
                assertTrue(run.failed(), "a run whose client closed must fail, not report truncated numbers");
                assertTrue(run.cause().getMessage().contains("closed"), run.cause().getMessage());
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            assertTrue(ms < 10_000, "the runs stopped after " + ms + " ms, not at their 60 s deadline");
            ctx.completeNow();
        })));
    }

    @Test
    @DisplayName("A concurrency sweep runs one load run per point, in order")
    void sweep(Vertx vertx, VertxTestContext ctx) {
        LoadSpec base = LoadSpec.closed(1, 8, 4);
        client(vertx).compose(c -> new LoadGenerator(vertx).sweep(c, base, List.of(1.0, 2.0, 8.0), PromptSource.synthetic(8, 1), null))
                .onComplete(ctx.succeeding(reports -> ctx.verify(() -> {
                    assertEquals(3, reports.size());
                    reports.forEach(r -> assertEquals(8, r.metrics().getLong("requests_completed")));
                    assertEquals(24, sim.truth().size());
                    ctx.completeNow();
                })));
    }

    @Test
    @DisplayName("Goodput counts only requests within both the TTFT and the TPOT objectives")
    void goodputUsesSlos(Vertx vertx, VertxTestContext ctx) {
        // TPOT on the fast profile is about 2 ms: an objective of 0.5 ms excludes every request.
        LoadSpec strict = new LoadSpec(LoadSpec.Mode.CLOSED, 2, 0, LoadSpec.Arrival.POISSON, 6, 0, 0, 8, true, 1, 2_000, 0.5);
        client(vertx).compose(c -> new LoadGenerator(vertx).run(c, strict, PromptSource.synthetic(8, 1), false, null))
                .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
                    assertEquals(0.0, r.metrics().getDouble("goodput_requests_per_s"));
                    assertTrue(r.metrics().getDouble("requests_per_s") > 0);
                    ctx.completeNow();
                })));
    }
}
