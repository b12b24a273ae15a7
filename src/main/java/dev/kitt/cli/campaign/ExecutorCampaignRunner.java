package dev.kitt.cli.campaign;

import dev.kitt.bench.BenchmarkExecutor;
import dev.kitt.bench.ProgressListener;
import dev.kitt.bench.RunCancel;
import dev.kitt.bench.RunOutcome;
import dev.kitt.bench.RunRequest;
import dev.kitt.bench.perf.NvidiaSmiProbe;
import dev.kitt.campaigns.plan.Plan;
import dev.kitt.campaigns.report.RollupReport;
import dev.kitt.campaigns.slo.Slos;
import dev.kitt.campaigns.spec.CampaignSpec;
import dev.kitt.campaigns.store.RunRepository;
import dev.kitt.cli.Await;
import dev.kitt.cli.CliException;
import dev.kitt.config.KittConfig;
import dev.kitt.engines.EngineProfiles;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.LogSink;
import dev.kitt.engines.RuntimeMode;
import dev.kitt.engines.runtime.Runtimes;
import dev.kitt.logs.LogRepository;
import dev.kitt.results.MetricsDocument;
import dev.kitt.results.ResultRepository;
import dev.kitt.store.Database;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * `kitt campaign run FILE` without --server: the plan's runs one after another on this machine,
 * through the same benchmark executor as `kitt run`, each stored in the local store and recorded
 * in its campaign tables (so --resume skips what already succeeded), each under the campaign's
 * per-test timeout and checked against its SLOs; a line per run and per benchmark as it goes,
 * the rollup at the end (also written as report.md and report.json in the campaign's directory).
 * Each run's log is stored in the local store under its log source, for `kitt campaign logs`.
 */
public final class ExecutorCampaignRunner implements LocalCampaignRunner {
    private final KittConfig config;
    private final Supplier<JsonObject> hardware;

    public ExecutorCampaignRunner(KittConfig config, Supplier<JsonObject> hardware) {
        this.config = config;
        this.hardware = hardware;
    }

    @Override
    public int run(CampaignSpec spec, Plan plan, boolean resume, PrintStream out) {
        Vertx vertx = Vertx.vertx();
        try {
            Database db;
            try {
                db = Await.result(Database.open(vertx, config));
            } catch (RuntimeException e) {
                throw new CliException("cannot open the store: " + e.getMessage(), e);
            }
            try {
                return execute(vertx, db, spec, plan, resume, out);
            } finally {
                Await.result(db.close());
            }
        } finally {
            Await.result(vertx.close());
        }
    }

    private int execute(Vertx vertx, Database db, CampaignSpec spec, Plan plan, boolean resume, PrintStream out) {
        LocalRunState state = new LocalRunState(db);
        String id = resume ? state.resumable(spec) : state.create(spec, plan);
        try (LocalRunLock lock = LocalRunLock.take(config.home(), id, spec.name())) {
            if (resume) {
                state.resume(id);
            }
            return execute(vertx, db, state, id, spec, out);
        }
    }

    private int execute(Vertx vertx, Database db, LocalRunState state, String id, CampaignSpec spec, PrintStream out) {
        List<JsonObject> todo = state.pending(id);
        long kept = state.all(id).stream().filter(r -> "succeeded".equals(r.getString("status"))).count();
        out.printf("campaign %s (%s): %d run(s) to do%s%n", spec.name(), id, todo.size(),
                kept > 0 ? ", " + kept + " already succeeded and skipped" : "");
        Path dir = config.home().resolve("campaigns").resolve(id);
        ResultRepository results = new ResultRepository(db);
        BenchmarkExecutor executor = new BenchmarkExecutor(vertx, EngineRegistry.load(config.home()),
                EngineProfiles.load(config.home()), Runtimes.defaults(vertx),
                metrics -> results.importRun(MetricsDocument.from(metrics), "campaign", null).map(i -> i.id()),
                hardware, new NvidiaSmiProbe(vertx), config.home());
        Slos slos = spec.slos();
        int n = 0;
        for (JsonObject run : todo) {
            n++;
            int seq = run.getInteger("seq");
            String what = "#" + seq + " " + run.getString("model") + " × " + run.getString("engine")
                    + (run.getString("profile") != null ? " (" + run.getString("profile") + ")" : "");
            out.printf("[%d/%d] %s: running %s%n", n, todo.size(), what, run.getString("suite"));
            long timeoutMs = spec.timeoutMs();
            if (!state.claim(id, seq, System.currentTimeMillis() + timeoutMs)) {
                continue;
            }
            LocalRunLog log = new LocalRunLog(new LogRepository(db),
                    RunRepository.logSource(id, seq, run.getInteger("attempts", 0) + 1));
            try {
                runOne(vertx, executor, state, id, run, dir, timeoutMs, slos, what, out, log);
            } finally {
                log.flush();
            }
        }
        JsonObject campaign = state.end(id);
        JsonObject report = RollupReport.json(campaign, state.all(id));
        String md = RollupReport.markdown(report);
        write(dir, report, md);
        out.println();
        out.print(md);
        out.println("rollup: " + dir.resolve("report.md"));
        return "completed".equals(campaign.getString("status")) ? 0 : 1;
    }

    private void runOne(Vertx vertx, BenchmarkExecutor executor, LocalRunState state, String id, JsonObject run,
                        Path dir, long timeoutMs, Slos slos, String what, PrintStream out, LocalRunLog log) {
        int seq = run.getInteger("seq");
        RunRequest req = RunRequest.of(run.getString("model_ref"), run.getString("engine"), run.getString("suite"),
                        dir.resolve(seq + "-" + run.getString("engine")))
                .withMode(run.getString("mode") == null ? null : RuntimeMode.parse(run.getString("mode")), null)
                .withProfile(run.getString("profile"), false);
        RunCancel cancel = new RunCancel();
        long timer = vertx.setTimer(timeoutMs, t -> cancel.cancel("timed out after " + CampaignSpec.describeTimeout(timeoutMs)));
        RunOutcome outcome;
        try {
            outcome = Await.result(executor.run(req, log, progress(out, log), cancel));
        } catch (RuntimeException e) {
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            log.line("bench", "FAILED: " + why);
            state.finish(id, seq, "failed", null, why);
            out.printf("    %s: FAILED: %s%n", what, why);
            return;
        } finally {
            vertx.cancelTimer(timer);
        }
        if (outcome.storedId() == null) {
            log.line("bench", "FAILED: result not stored: " + outcome.storeError());
            state.finish(id, seq, "failed", null, "result not stored: " + outcome.storeError());
            out.printf("    %s: FAILED: result not stored: %s%n", what, outcome.storeError());
            return;
        }
        Slos.Verdict v = slos.isEmpty() ? null : slos.check(outcome.metricsJson());
        state.succeeded(id, seq, outcome.storedId(), v);
        String slo = v == null ? "" : "; SLOs " + v.status() + ": " + v.reason();
        log.line("bench", "succeeded (result " + outcome.storedId() + ")" + slo);
        out.printf("    %s: succeeded (result %s)%s%n", what, outcome.storedId(), slo);
    }

    private static ProgressListener progress(PrintStream out, LogSink log) {
        return new ProgressListener() {
            @Override
            public void benchmarkStarted(String name, int runNumber, int position, int total) {
            }

            @Override
            public void advanced(long done, long total) {
            }

            @Override
            public void benchmarkFinished(String name, boolean passed) {
                out.printf("      %s: %s%n", name, passed ? "passed" : "FAILED");
                log.line("bench", name + ": " + (passed ? "passed" : "FAILED"));
            }
        };
    }

    private static void write(Path dir, JsonObject report, String md) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.json"), report.encodePrettily());
            Files.writeString(dir.resolve("report.md"), md);
        } catch (IOException e) {
            throw new CliException("cannot write the rollup to " + dir + ": " + e.getMessage(), e);
        }
    }
}
