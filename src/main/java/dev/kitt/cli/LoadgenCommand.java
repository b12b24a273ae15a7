package dev.kitt.cli;

import dev.kitt.bench.load.LoadGenerator;
import dev.kitt.bench.load.LoadReport;
import dev.kitt.bench.load.LoadSpec;
import dev.kitt.bench.load.PromptSource;
import dev.kitt.engines.ApiStyle;
import dev.kitt.engines.client.ClientOptions;
import dev.kitt.engines.client.EngineClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * `kitt loadgen`: one raw load run against a URL, printed as one JSON line. With --truth (the
 * target being `kitt engine-sim` on this host) it also reports the TTFT measurement error
 * against the sim's recorded send times; both JVMs read the same CLOCK_MONOTONIC.
 */
@Command(name = "loadgen", description = "Drive an engine with a raw load run and print the metrics as JSON.")
public final class LoadgenCommand implements Callable<Integer> {
    @Option(names = "--url", required = true)
    String url;
    @Option(names = "--api", defaultValue = "openai", description = "openai or ollama.")
    String api;
    @Option(names = "--concurrency", defaultValue = "16", description = "Closed loop: streams in flight; open loop: connection cap.")
    int concurrency;
    @Option(names = "--rate", description = "Open loop at this many requests/s (Poisson arrivals).")
    Double rate;
    @Option(names = "--constant", description = "Open loop with evenly spaced arrivals.")
    boolean constant;
    @Option(names = "--duration", defaultValue = "20", description = "Measured seconds.")
    double duration;
    @Option(names = "--warmup", defaultValue = "0", description = "Requests before measuring.")
    int warmup;
    @Option(names = "--max-tokens", defaultValue = "64")
    int maxTokens;
    @Option(names = "--input-tokens", defaultValue = "32")
    int inputTokens;
    @Option(names = "--loops", defaultValue = "1", description = "Event loops to spread the load over.")
    int loops;
    @Option(names = "--truth", description = "Compare TTFT with the sim's truth (GET /sim/truth).")
    boolean truth;

    @Override
    public Integer call() {
        Vertx vertx = Vertx.vertx();
        try {
            LoadSpec spec = new LoadSpec(rate == null ? LoadSpec.Mode.CLOSED : LoadSpec.Mode.OPEN, concurrency,
                    rate == null ? 0 : rate, constant ? LoadSpec.Arrival.CONSTANT : LoadSpec.Arrival.POISSON, 0,
                    (long) (duration * 1000), warmup, maxTokens, true, 42, 2_000, 200);
            EngineClient client = EngineClient.create(vertx, url, ApiStyle.valueOf(api.toUpperCase()), "kitt-sim",
                    ClientOptions.defaults().withMaxConnections(concurrency).withKeepText(false).withTimeoutMs(120_000));
            Future<JsonObject> run = (truth ? SimTruthClient.clear(vertx, url) : Future.<Void>succeededFuture())
                    .compose(v -> loops > 1
                            ? new LoadGenerator(vertx).runSharded(client, spec, PromptSource.synthetic(inputTokens, 7), truth, loops)
                            : new LoadGenerator(vertx).run(client, spec, PromptSource.synthetic(inputTokens, 7), truth, null))
                    .compose(report -> summary(vertx, report));
            JsonObject out = run.toCompletionStage().toCompletableFuture().join();
            System.out.println(out.encode());
            return 0;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private Future<JsonObject> summary(Vertx vertx, LoadReport report) {
        JsonObject out = new JsonObject().put("mode", rate == null ? "closed" : "open").put("concurrency", concurrency)
                .put("rate", rate).put("loops", loops).put("duration_s", duration).put("max_tokens", maxTokens)
                .put("metrics", report.metrics()).put("schedule_lag_ms_p99", report.scheduleLagMsP99())
                .put("token_count_source", report.tokenCountSource()).put("sample_errors", report.sampleErrors());
        if (!truth) {
            return Future.succeededFuture(out);
        }
        return SimTruthClient.firstTokens(vertx, url).map(first -> out.put("ttft_error_ms",
                SimTruthClient.compare(report.results(), first)));
    }
}
