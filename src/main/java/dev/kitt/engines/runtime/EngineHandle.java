package dev.kitt.engines.runtime;

/** A running engine: where to reach it and a line describing what runs it (container name, pid, URL). */
public record EngineHandle(String baseUrl, String description) {
}
