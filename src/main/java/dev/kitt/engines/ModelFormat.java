package dev.kitt.engines;

import java.util.Locale;

/** On-disk model formats that engines accept. OLLAMA_TAG is a model named in Ollama's library. */
public enum ModelFormat {
    GGUF, SAFETENSORS, EXL2, MLX, OLLAMA_TAG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
