package dev.kitt.engines;

import java.util.List;
import java.util.Map;

/** Builds an engine's own arguments (and environment) for a model reference and a port. */
@FunctionalInterface
public interface EngineLauncher {
    List<String> args(String modelRef, int port);

    /** Engines configured through the environment (Ollama's OLLAMA_HOST) override this. */
    default Map<String, String> env(int port) {
        return Map.of();
    }
}
