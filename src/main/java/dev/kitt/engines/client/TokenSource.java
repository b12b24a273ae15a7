package dev.kitt.engines.client;

/** Where an output-token count came from. */
public enum TokenSource {
    /** The engine's own usage report (OpenAI {@code usage}, Ollama {@code eval_count}). */
    USAGE,
    /** Counted by the client: one token per streamed chunk that carried text. */
    CHUNKS,
    /** Non-streamed reply without usage: whitespace-separated words of the text. */
    WORDS;

    public String id() {
        return name().toLowerCase();
    }
}
