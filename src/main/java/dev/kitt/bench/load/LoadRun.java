package dev.kitt.bench.load;

import dev.kitt.engines.client.EngineClient;
import dev.kitt.engines.client.RequestResult;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The state of one load run; touched only on the context that started it. */
final class LoadRun {
    private static final int MAX_SAMPLE_ERRORS = 5;
    private static final int RAMP_SLICE = 128;
    private final Vertx vertx;
    private final EngineClient client;
    private final LoadSpec spec;
    private final PromptSource prompts;
    private final LoadGenerator.Progress progress;
    private final Promise<ShardResult> promise;
    private final LatencyStats stats;
    private final List<RequestResult> kept;
    private final List<String> errors = new ArrayList<>();
    private final Histogram lagUs = new Histogram(3_600_000_000L, 3);
    private final SplittableRandom random;
    private long issued;
    private long inFlight;
    private long measureDeadline;
    private long nextArrival;
    private boolean finished;

    LoadRun(Vertx vertx, EngineClient client, LoadSpec spec, PromptSource prompts, boolean keepResults,
            LoadGenerator.Progress progress, Promise<ShardResult> promise) {
        this.vertx = vertx;
        this.client = client;
        this.spec = spec;
        this.prompts = prompts;
        this.progress = progress;
        this.promise = promise;
        this.stats = new LatencyStats(spec.sloTtftMs(), spec.sloTpotMs());
        this.kept = keepResults ? new ArrayList<>() : null;
        this.random = new SplittableRandom(spec.seed());
    }

    void start() {
        if (spec.mode() == LoadSpec.Mode.CLOSED) {
            startWorkers(spec.concurrency());
        } else {
            nextArrival = System.nanoTime();
            openLoopTick();
        }
    }

    /**
     * Starts closed-loop workers in slices, one event-loop task per slice, so that ten thousand
     * streams ramp up without holding the loop (and the reads of streams already running).
     */
    private void startWorkers(int remaining) {
        int slice = Math.min(remaining, RAMP_SLICE);
        for (int i = 0; i < slice; i++) {
            closedLoopNext();
        }
        if (remaining > slice) {
            vertx.runOnContext(v -> startWorkers(remaining - slice));
        }
    }

    private boolean canIssue() {
        if (finished) {
            return false;
        }
        if (spec.requests() > 0 && issued >= spec.warmupRequests() + (long) spec.requests()) {
            return false;
        }
        // An open loop is bounded by schedule: an arrival due before the deadline is sent even
        // when the generator runs late, so lag shows up as lag instead of as missing requests.
        long at = spec.mode() == LoadSpec.Mode.OPEN ? nextArrival : System.nanoTime();
        return measureDeadline == 0 || at < measureDeadline;
    }

    private void closedLoopNext() {
        if (!canIssue()) {
            finishIfIdle();
            return;
        }
        issue(0).onComplete(v -> vertx.runOnContext(x -> closedLoopNext()));
    }

    /** Issues every arrival that is due, then sleeps on a timer until the next one. */
    private void openLoopTick() {
        long now = System.nanoTime();
        while (nextArrival <= now && canIssue()) {
            issue(now - nextArrival).onComplete(v -> vertx.runOnContext(x -> finishIfIdle()));
            nextArrival += gapNanos();
        }
        if (canIssue()) {
            long delayMs = Math.max(1, (nextArrival - System.nanoTime() + 999_999) / 1_000_000);
            vertx.setTimer(delayMs, id -> openLoopTick());
        } else {
            finishIfIdle();
        }
    }

    private long gapNanos() {
        double mean = 1e9 / spec.ratePerSecond();
        if (spec.arrival() == LoadSpec.Arrival.CONSTANT) {
            return Math.round(mean);
        }
        return Math.round(-Math.log(1.0 - random.nextDouble()) * mean);
    }

    private io.vertx.core.Future<RequestResult> issue(long lagNanos) {
        long index = issued++;
        boolean measured = index >= spec.warmupRequests();
        if (measured && measureDeadline == 0 && spec.durationMs() > 0) {
            long from = spec.mode() == LoadSpec.Mode.OPEN ? nextArrival : System.nanoTime();
            measureDeadline = from + spec.durationMs() * 1_000_000;
        }
        if (measured && spec.mode() == LoadSpec.Mode.OPEN) {
            lagUs.recordValue(Math.max(0, lagNanos / 1000));
        }
        inFlight++;
        // Bookkeeping runs as a task so that bytes of other streams already waiting in this
        // loop iteration are read and timestamped first; inFlight drops only once recorded.
        return client.generate(LoadGenerator.request(spec, prompts.prompt(index))).onComplete(ar -> vertx.runOnContext(x -> {
            inFlight--;
            if (ar.failed()) {
                stop(ar.cause());
            } else if (measured) {
                record(ar.result());
            }
        }));
    }

    /** The client was closed under the run (the process is stopping): its numbers would be truncated. */
    private void stop(Throwable cause) {
        if (!finished) {
            finished = true;
            promise.fail(cause);
        }
    }

    private void record(RequestResult r) {
        stats.add(r);
        if (kept != null) {
            kept.add(r);
        }
        if (!r.ok() && errors.size() < MAX_SAMPLE_ERRORS) {
            errors.add(r.error());
        }
        if (progress != null) {
            progress.update(stats.completed() + stats.failedCount(), spec.requests());
        }
    }

    private void finishIfIdle() {
        if (finished || inFlight > 0 || canIssue()) {
            return;
        }
        finished = true;
        promise.complete(new ShardResult(stats, lagUs, errors, kept == null ? new ArrayList<>() : kept));
    }
}
