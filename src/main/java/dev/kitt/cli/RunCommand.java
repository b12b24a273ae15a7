package dev.kitt.cli;

import dev.kitt.bench.BenchmarkExecutor;
import dev.kitt.bench.RunOutcome;
import dev.kitt.bench.RunRequest;
import dev.kitt.bench.perf.NvidiaSmiProbe;
import dev.kitt.engines.EngineProfiles;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.LogSink;
import dev.kitt.engines.RuntimeMode;
import dev.kitt.engines.runtime.Runtimes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** `kitt run`: one benchmark run, the four files written, exit 0 only when every benchmark passed. */
@Command(name = "run", description = "Run a suite (or one benchmark) against an engine and write the results.")
public final class RunCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, required = true, description = "Model path (or name for sim, Ollama, endpoints).")
    String model;
    @Option(names = {"-e", "--engine"}, required = true, description = "vllm, llama_cpp, ollama, exllamav2, mlx or sim.")
    String engine;
    @Option(names = {"-s", "--suite"}, defaultValue = "quick", description = "quick, standard, performance or a suite in KITT_HOME/suites.")
    String suite;
    @Option(names = {"-b", "--benchmark"}, description = "Run only this benchmark instead of a suite.")
    String benchmark;
    @Option(names = {"-o", "--output"}, description = "Output directory (default: kitt-results/<engine>-<time>).")
    Path output;
    @Option(names = "--mode", description = "docker, native or endpoint.")
    String mode;
    @Option(names = "--endpoint", description = "URL of an engine that is already running (with --mode endpoint).")
    String endpoint;
    @Option(names = "--profile", description = "Engine profile (see `kitt engines profiles list`).")
    String profile;
    @Option(names = "--auto-pull", description = "Pull the engine image even when it is present.")
    boolean autoPull;
    @Option(names = "--dataset-dir", description = "Directory with full <benchmark>.jsonl datasets.")
    Path datasetDir;
    @Option(names = "--runs", description = "Override the suite's number of runs.")
    Integer runs;
    @Option(names = "--set", description = "Config override TEST.KEY=VALUE (TEST may be *), repeatable.")
    java.util.List<String> sets = new java.util.ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final RunSinkFactory sinks;
    private final Supplier<JsonObject> hardware;

    public RunCommand(RunSinkFactory sinks) {
        this(sinks, RunCommand::minimalHardware);
    }

    public RunCommand(RunSinkFactory sinks, Supplier<JsonObject> hardware) {
        this.sinks = sinks;
        this.hardware = hardware;
    }

    @Override
    public Integer call() {
        Path home = KittHome.resolve();
        Path out = output != null ? output : Path.of("kitt-results",
                engine + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        RunRequest req = RunRequest.of(model, engine, suite, out)
                .withMode(mode == null ? (endpoint != null ? RuntimeMode.ENDPOINT : null) : RuntimeMode.parse(mode), endpoint)
                .withBenchmark(benchmark).withProfile(profile, autoPull)
                .withOverrides(Overrides.parse(sets), runs).withDatasetDir(datasetDir);
        Vertx vertx = Vertx.vertx();
        try {
            BenchmarkExecutor executor = new BenchmarkExecutor(vertx, EngineRegistry.load(home), EngineProfiles.load(home),
                    Runtimes.defaults(vertx), sinks.create(vertx, home), hardware, new NvidiaSmiProbe(vertx), home);
            LogSink logs = System.getenv("KITT_VERBOSE") != null
                    ? (src, line) -> System.err.println("[" + src + "] " + line) : LogSink.discard();
            RunOutcome outcome;
            try {
                outcome = executor.run(req, logs, new CliProgress(System.err, System.console() != null))
                        .toCompletionStage().toCompletableFuture().join();
            } catch (java.util.concurrent.CompletionException e) {
                // Every failure that reaches here is one the user can act on: one line, exit 1.
                Throwable cause = CliErrors.unwrap(e);
                throw new CliException(cause.getMessage() != null ? cause.getMessage() : cause.toString(), cause);
            }
            System.out.println("results: " + outcome.outputDir().toAbsolutePath() + " (run " + outcome.runId() + ")");
            if (outcome.storeError() != null) {
                spec.commandLine().getErr().println("kitt: warning: run not stored: " + outcome.storeError());
            }
            if (!outcome.passed()) {
                spec.commandLine().getErr().println("kitt: " + outcome.metricsJson().getLong("failed_count") + " of "
                        + outcome.metricsJson().getLong("total_benchmarks") + " benchmarks failed (see "
                        + out.resolve("summary.md") + ")");
                return 1;
            }
            return 0;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static long physicalMemoryBytes() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    }

    /** Until dev.kitt.hardware's probe is wired in: what the JVM knows without probing. */
    static JsonObject minimalHardware() {
        return new JsonObject().put("cpu", new JsonObject().put("arch", System.getProperty("os.arch"))
                        .put("threads", Runtime.getRuntime().availableProcessors()))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("ram_gb", Math.round(physicalMemoryBytes() / 1e9))
                .put("probe", "jvm-only");
    }
}
