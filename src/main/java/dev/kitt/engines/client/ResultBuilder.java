package dev.kitt.engines.client;

import java.util.Arrays;

/** Collects one request's observations on the event loop; turned into a {@link RequestResult} at the end. */
final class ResultBuilder {
    final long sendNanos;
    private final boolean keepText;
    private final StringBuilder text = new StringBuilder();
    private long[] tokenNanos = new long[32];
    private int tokens;
    int usageOutputTokens = -1;
    int promptTokens = -1;
    boolean finished;
    String requestId;

    ResultBuilder(long sendNanos, boolean keepText) {
        this.sendNanos = sendNanos;
        this.keepText = keepText;
    }

    void token(String piece, long nanos) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        if (tokens == tokenNanos.length) {
            tokenNanos = Arrays.copyOf(tokenNanos, tokens * 2);
        }
        tokenNanos[tokens++] = nanos;
        if (keepText) {
            text.append(piece);
        }
    }

    /** A non-streamed reply: the whole text arrives at once. */
    void wholeText(String s, long nanos) {
        if (s != null && !s.isEmpty()) {
            tokenNanos[0] = nanos;
            tokens = 1;
            text.append(s);
        }
    }

    boolean keepsText() {
        return keepText;
    }

    int chunkTokens() {
        return tokens;
    }

    RequestResult success(long endNanos, boolean streamed) {
        return build(true, null, false, endNanos, streamed);
    }

    RequestResult failure(String error, long endNanos, boolean streamed) {
        return build(false, error, tokens > 0, endNanos, streamed);
    }

    private RequestResult build(boolean ok, String error, boolean partial, long endNanos, boolean streamed) {
        int count;
        TokenSource source;
        if (usageOutputTokens >= 0) {
            count = usageOutputTokens;
            source = TokenSource.USAGE;
        } else if (streamed) {
            count = tokens;
            source = TokenSource.CHUNKS;
        } else {
            count = text.toString().isBlank() ? 0 : text.toString().trim().split("\\s+").length;
            source = TokenSource.WORDS;
        }
        return new RequestResult(ok, error, partial, requestId, sendNanos, endNanos,
                Arrays.copyOf(tokenNanos, tokens), count, source, promptTokens, text.toString());
    }
}
