package dev.kitt.campaigns.plan;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.EngineRegistry;
import dev.kitt.engines.ModelFormat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Planning's view of {@link EngineRegistry}: the engines, the model formats and the CPU
 * architectures come from the descriptors, so there is one place that says what an engine takes.
 */
public final class RegistryEngineCatalog implements EngineCatalog {
    /**
     * The order in which a model's weights are preferred when an engine takes several: an engine's
     * native format (an Ollama tag, EXL2, MLX) before the general ones, GGUF before safetensors.
     */
    private static final List<ModelFormat> PREFERENCE = List.of(ModelFormat.OLLAMA_TAG, ModelFormat.EXL2,
            ModelFormat.MLX, ModelFormat.GGUF, ModelFormat.SAFETENSORS);

    private final EngineRegistry registry;

    public RegistryEngineCatalog(EngineRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean knows(String engine) {
        return registry.all().stream().anyMatch(d -> d.name().equals(engine));
    }

    @Override
    public List<String> engines() {
        return registry.all().stream().map(EngineDescriptor::name).sorted().toList();
    }

    @Override
    public List<String> formatsFor(String engine) {
        if (!knows(engine)) {
            return List.of();
        }
        EngineDescriptor d = registry.get(engine);
        if (d.modelFormats().containsAll(EnumSet.allOf(ModelFormat.class))) {
            return List.of(ANY_FORMAT); // the simulated engine plays any model
        }
        List<String> out = new ArrayList<>();
        PREFERENCE.stream().filter(d::supports).forEach(f -> out.add(id(f)));
        return out;
    }

    @Override
    public Set<String> archs(String engine) {
        if (!knows(engine)) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        registry.get(engine).cpuArchitectures().forEach(a -> out.add(EngineCatalog.normaliseArch(a)));
        return out;
    }

    /** The names campaign files use: an Ollama tag is "ollama" (the ollama_tag key), the rest their own. */
    static String id(ModelFormat f) {
        return f == ModelFormat.OLLAMA_TAG ? "ollama" : f.id();
    }
}
