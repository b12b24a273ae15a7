package dev.kitt.engines.client;

/**
 * The hot path of a load run: an ordinary OpenAI token chunk, recognised without building a JSON
 * tree. At hundreds of thousands of chunks per second a full parse per chunk costs more than the
 * socket read. Only used when the text is not kept and the request id is already known; any chunk
 * that might carry usage, an error or anything unusual falls back to the full parser.
 */
final class FastChunk {
    private static final String TEXT = "\"text\":\"";
    private static final String CONTENT = "\"content\":\"";

    private FastChunk() {
    }

    /** True when the chunk was handled here. */
    static boolean tryToken(String data, long nanos, ResultBuilder result) {
        if (result.keepsText() || result.requestId == null || !data.startsWith("{") || !data.endsWith("}")
                || data.contains("\"usage\"") || data.contains("\"error\"")) {
            return false;
        }
        int at = data.indexOf(TEXT);
        int len = TEXT.length();
        if (at < 0) {
            at = data.indexOf(CONTENT);
            len = CONTENT.length();
        }
        if (at < 0) {
            return false;
        }
        int start = at + len;
        if (start < data.length() && data.charAt(start) != '"') {
            result.token(data.substring(start, Math.min(data.length(), start + 1)), nanos);
        }
        return true;
    }
}
