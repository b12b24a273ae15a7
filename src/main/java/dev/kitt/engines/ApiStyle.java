package dev.kitt.engines;

/** The wire protocol an engine speaks; it decides which client the benchmarks use. */
public enum ApiStyle {
    OPENAI, OLLAMA;

    public String id() {
        return name().toLowerCase();
    }
}
