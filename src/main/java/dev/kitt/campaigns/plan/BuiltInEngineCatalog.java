package dev.kitt.campaigns.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The engines KITT ships, with the formats and CPU architectures each can use. */
public final class BuiltInEngineCatalog implements EngineCatalog {
    private record Entry(List<String> formats, Set<String> archs) {
    }

    private static final Map<String, Entry> ENGINES = Map.of(
            "vllm", new Entry(List.of("safetensors"), Set.of()),
            "llama_cpp", new Entry(List.of("gguf"), Set.of()),
            // Ollama pulls by tag; it can also import a GGUF file.
            "ollama", new Entry(List.of("ollama", "gguf"), Set.of()),
            "exllamav2", new Entry(List.of("exl2", "safetensors"), Set.of()),
            // MLX needs Apple silicon.
            "mlx", new Entry(List.of("mlx", "safetensors"), Set.of("arm64")),
            "sim", new Entry(List.of(ANY_FORMAT), Set.of()));

    @Override
    public boolean knows(String engine) {
        return ENGINES.containsKey(engine);
    }

    @Override
    public List<String> engines() {
        return ENGINES.keySet().stream().sorted().toList();
    }

    @Override
    public List<String> formatsFor(String engine) {
        Entry e = ENGINES.get(engine);
        return e == null ? List.of() : e.formats();
    }

    @Override
    public Set<String> archs(String engine) {
        Entry e = ENGINES.get(engine);
        return e == null ? Set.of() : e.archs();
    }
}
