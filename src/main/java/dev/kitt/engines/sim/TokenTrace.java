package dev.kitt.engines.sim;

import java.util.Arrays;

/**
 * The truth about one request: when the sim received it and the System.nanoTime() at which each
 * token was written to the socket. Written only on the sim's event loop; read after completion.
 */
public final class TokenTrace {
    private final String id;
    private final long arrivalNanos;
    private final boolean streamed;
    private long[] tokenNanos = new long[16];
    private volatile int count;

    TokenTrace(String id, long arrivalNanos, boolean streamed) {
        this.id = id;
        this.arrivalNanos = arrivalNanos;
        this.streamed = streamed;
    }

    void record(long nanos) {
        if (count == tokenNanos.length) {
            tokenNanos = Arrays.copyOf(tokenNanos, count * 2);
        }
        tokenNanos[count] = nanos;
        count = count + 1;
    }

    public String id() {
        return id;
    }

    public long arrivalNanos() {
        return arrivalNanos;
    }

    /** True when tokens were streamed; for a non-streamed reply all tokens share the write time. */
    public boolean streamed() {
        return streamed;
    }

    public int tokenCount() {
        return count;
    }

    public long[] tokenNanos() {
        return Arrays.copyOf(tokenNanos, count);
    }

    public long firstTokenNanos() {
        return count == 0 ? -1 : tokenNanos[0];
    }
}
