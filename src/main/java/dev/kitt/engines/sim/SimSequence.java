package dev.kitt.engines.sim;

/** One request inside the simulated engine, from queueing to its last token. */
final class SimSequence {
    final String id;
    final String model;
    final int promptTokens;
    final int maxTokens;
    final boolean stream;
    final long arrivalNanos;
    final SimOutput output;
    final TokenTrace trace;
    int emitted;

    SimSequence(String id, String model, int promptTokens, int maxTokens, boolean stream,
                long arrivalNanos, SimOutput output, TokenTrace trace) {
        this.id = id;
        this.model = model;
        this.promptTokens = promptTokens;
        this.maxTokens = maxTokens;
        this.stream = stream;
        this.arrivalNanos = arrivalNanos;
        this.output = output;
        this.trace = trace;
    }

    /** KV-cache tokens reserved for the whole life of the sequence. */
    long kvReservation() {
        return (long) promptTokens + maxTokens;
    }

    boolean finished() {
        return emitted >= maxTokens;
    }
}
