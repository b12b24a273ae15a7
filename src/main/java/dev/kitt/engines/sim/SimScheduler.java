package dev.kitt.engines.sim;

import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The GPU-server model. Work advances in steps, as in continuous batching: at the start of a step
 * queued requests are admitted while the batch limit and the KV-cache budget allow; the step lasts
 * one decode step for the whole batch (slower as the batch grows) plus the prefill of the newly
 * admitted prompts; at its end every sequence in the batch emits one token. Steps are timers, so
 * the event loop is never blocked. Runs on the sim's single event-loop context only.
 */
final class SimScheduler {
    private final Vertx vertx;
    private final SimProfile profile;
    private final SplittableRandom random;
    private final SimVocabulary vocabulary;
    private final ArrayDeque<SimSequence> queue = new ArrayDeque<>();
    private final List<SimSequence> running = new ArrayList<>();
    private long kvUsed;
    private boolean stepPending;
    private long stepDeadline;

    SimScheduler(Vertx vertx, SimProfile profile, long seed) {
        this.vertx = vertx;
        this.profile = profile;
        this.random = new SplittableRandom(seed);
        this.vocabulary = new SimVocabulary(new SplittableRandom(seed ^ 0x5DEECE66DL));
    }

    void submit(SimSequence seq) {
        if (seq.kvReservation() > profile.kvCacheTokens()) {
            seq.output.reject(400, "request needs " + seq.kvReservation() + " KV-cache tokens; the budget is "
                    + profile.kvCacheTokens());
            return;
        }
        if (seq.maxTokens <= 0) {
            seq.output.done(seq);
            return;
        }
        queue.add(seq);
        if (!stepPending) {
            startStep();
        }
    }

    int queued() {
        return queue.size();
    }

    int running() {
        return running.size();
    }

    private void startStep() {
        double prefillMs = 0;
        while (!queue.isEmpty() && running.size() < profile.maxBatch()
                && kvUsed + queue.peek().kvReservation() <= profile.kvCacheTokens()) {
            SimSequence s = queue.poll();
            if (s.output.gone()) {
                continue;
            }
            kvUsed += s.kvReservation();
            running.add(s);
            prefillMs += s.promptTokens * profile.prefillMsPerToken();
        }
        if (running.isEmpty()) {
            stepPending = false;
            return;
        }
        double ms = profile.stepMs(running.size()) * jitterFactor() + prefillMs;
        // Steps follow each other back to back on the modelled GPU: the next one is due a step
        // after the previous one was due, so the CPU time spent writing tokens does not stretch it.
        long now = System.nanoTime();
        long base = stepPending ? Math.max(stepDeadline, now - 1_000_000_000L) : now;
        stepDeadline = base + Math.round(ms * 1_000_000);
        long delay = Math.max(1, Math.round((stepDeadline - now) / 1e6));
        stepPending = true;
        vertx.setTimer(delay, id -> endStep());
    }

    private double jitterFactor() {
        if (profile.jitter() <= 0) {
            return 1.0;
        }
        double g = random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5; // ~N(0, 0.5)
        return Math.max(0.5, 1 + 2 * profile.jitter() * g);
    }

    private void endStep() {
        List<SimSequence> still = new ArrayList<>(running.size());
        for (SimSequence s : running) {
            if (s.output.gone()) {
                kvUsed -= s.kvReservation();
                continue;
            }
            s.emitted++;
            boolean last = s.finished();
            long at = s.output.token(s, vocabulary.next(), last);
            if (s.trace != null) {
                s.trace.record(at);
            }
            if (last) {
                kvUsed -= s.kvReservation();
                s.output.done(s);
            } else {
                still.add(s);
            }
        }
        running.clear();
        running.addAll(still);
        startStep();
    }
}
