package dev.kitt.engines.sim;

import java.util.List;

/**
 * The timing model of one simulated GPU server.
 *
 * @param prefillMsPerToken cost of reading the prompt, added to the step that admits a request
 * @param decodeStepMs      duration of one decode step with a single running sequence
 * @param slowdownPerSeq    extra fraction of a step per additional running sequence, so the
 *                          per-sequence decode rate falls as the batch grows
 * @param maxBatch          running sequences at most; the rest wait in the queue
 * @param kvCacheTokens     KV-cache budget; a request reserves prompt + max output tokens
 * @param jitter            relative standard deviation of step durations
 * @param defaultMaxTokens  output length when a request does not say
 */
public record SimProfile(String name, double prefillMsPerToken, double decodeStepMs, double slowdownPerSeq,
                         int maxBatch, long kvCacheTokens, double jitter, int defaultMaxTokens) {

    public static final String DEFAULT = "h100";

    /** Step duration for a batch of {@code running} sequences, before jitter. */
    public double stepMs(int running) {
        return decodeStepMs * (1 + slowdownPerSeq * Math.max(0, running - 1));
    }

    public static List<SimProfile> all() {
        return List.of(
                new SimProfile("small-gpu", 0.08, 25.0, 0.04, 16, 16_384, 0.05, 128),
                new SimProfile("h100", 0.01, 7.0, 0.01, 256, 400_000, 0.03, 128),
                new SimProfile("fast", 0.002, 2.0, 0.005, 64, 200_000, 0.02, 32),
                // For load-generator measurements: a flat 20 tokens/s per stream at any batch size,
                // so N streams must yield 20*N tokens/s if the client keeps up.
                new SimProfile("wide", 0.0, 50.0, 0.0, 100_000, 4_000_000_000L, 0.0, 64));
    }

    public static SimProfile named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sim profile '" + name + "' (known: "
                        + String.join(", ", all().stream().map(SimProfile::name).toList()) + ")"));
    }
}
