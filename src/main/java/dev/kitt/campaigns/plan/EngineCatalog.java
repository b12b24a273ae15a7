package dev.kitt.campaigns.plan;

import java.util.List;
import java.util.Set;

/**
 * What planning needs to know about engines, answered by the engine registry
 * ({@link RegistryEngineCatalog}); an interface so planning tests can describe engines of their own.
 */
public interface EngineCatalog {
    /**
     * The built-in engines. engines.yaml overrides change only images and ports, never formats or
     * architectures, so planning needs no file read (and no blocking) for it.
     */
    static EngineCatalog standard() {
        return new RegistryEngineCatalog(dev.kitt.engines.EngineRegistry.builtin());
    }

    /** The format that means "this engine takes any model" (the simulated engine). */
    String ANY_FORMAT = "*";

    boolean knows(String engine);

    /** Engine names, for error messages. */
    List<String> engines();

    /** Model formats the engine can load, in order of preference (gguf, safetensors, ollama, ...). */
    List<String> formatsFor(String engine);

    /** CPU architectures the engine runs on (normalised: x86_64, arm64); empty means any. */
    Set<String> archs(String engine);

    /** Normalises the many spellings of an architecture (amd64, aarch64, ...). */
    static String normaliseArch(String arch) {
        if (arch == null) {
            return null;
        }
        return switch (arch.toLowerCase()) {
            case "amd64", "x86-64", "x64", "x86_64" -> "x86_64";
            case "aarch64", "arm64", "armv8" -> "arm64";
            default -> arch.toLowerCase();
        };
    }
}
