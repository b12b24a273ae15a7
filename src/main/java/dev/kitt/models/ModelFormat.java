package dev.kitt.models;

import java.util.List;

/** A model's on-disk format and the built-in engines that load it (DESIGN §6). */
public enum ModelFormat {
    GGUF("gguf", List.of("llama_cpp", "ollama", "sim")),
    SAFETENSORS("safetensors", List.of("vllm", "sim")),
    EXL2("exl2", List.of("exllamav2", "sim")),
    MLX("mlx", List.of("mlx", "sim")),
    UNKNOWN("unknown", List.of("sim"));

    public final String label;
    public final List<String> engines;

    ModelFormat(String label, List<String> engines) {
        this.label = label;
        this.engines = engines;
    }

    public static ModelFormat parse(String s) {
        if (s != null) {
            for (ModelFormat f : values()) {
                if (f.label.equalsIgnoreCase(s.trim())) {
                    return f;
                }
            }
        }
        return UNKNOWN;
    }
}
