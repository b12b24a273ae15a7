package dev.kitt.engines.client;

/**
 * What the client observed for one request. All times are System.nanoTime() values taken on the
 * event loop that read the bytes; {@code sendNanos} is taken just before the request is issued.
 *
 * @param tokenNanos arrival time of each chunk that carried text (several tokens in one TCP read
 *                   share a time, which is what the client truly saw)
 * @param partial    true when the stream started but did not finish properly
 */
public record RequestResult(boolean ok, String error, boolean partial, String requestId, long sendNanos,
                            long endNanos, long[] tokenNanos, int outputTokens, TokenSource tokenSource,
                            int promptTokens, String text) {

    public boolean hasFirstToken() {
        return tokenNanos.length > 0;
    }

    public long firstTokenNanos() {
        return tokenNanos.length > 0 ? tokenNanos[0] : -1;
    }

    public double ttftMs() {
        return (firstTokenNanos() - sendNanos) / 1e6;
    }

    public double e2eMs() {
        return (endNanos - sendNanos) / 1e6;
    }

    /** Time per output token after the first; NaN with fewer than two tokens. */
    public double tpotMs() {
        if (outputTokens < 2 || tokenNanos.length < 1) {
            return Double.NaN;
        }
        return (tokenNanos[tokenNanos.length - 1] - tokenNanos[0]) / 1e6 / (outputTokens - 1);
    }
}
