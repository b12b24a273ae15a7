package dev.kitt.engines.runtime;

/**
 * A running engine: where to reach it, the model name to put in requests (engines name a model
 * after the path they loaded it from), and a line saying what runs it (container, pid, URL).
 */
public record EngineHandle(String baseUrl, String servedModel, String description) {
}
