package dev.kitt.campaigns.plan;

import java.util.List;
import java.util.Set;

/**
 * What planning needs to know about engines. The engine registry (dev.kitt.engines) is built on
 * another branch; until it backs this interface, {@link BuiltInEngineCatalog} answers.
 */
public interface EngineCatalog {
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
