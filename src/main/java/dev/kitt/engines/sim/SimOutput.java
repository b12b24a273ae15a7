package dev.kitt.engines.sim;

/** Where a sequence's tokens go: one implementation per API style (OpenAI, Ollama). */
interface SimOutput {
    /** Writes one token; returns the System.nanoTime() right after the write was handed to the socket. */
    long token(SimSequence seq, String text, boolean last);

    /** Called once, after the last token. */
    void done(SimSequence seq);

    /** The request cannot be served (e.g. larger than the KV cache). */
    void reject(int status, String message);

    /** True once the client went away; the scheduler then frees the sequence's slot. */
    boolean gone();
}
