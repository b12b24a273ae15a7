package dev.kitt.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Detects a model's format from what is on disk, so a mismatch (a GGUF file on vLLM) is reported
 * before any container or process starts. Blocking file reads: call off the event loop.
 */
public final class ModelFormats {
    private ModelFormats() {
    }

    /** The format of a local model, or empty when the path does not exist. */
    public static Optional<ModelFormat> detect(Path model) {
        if (Files.isRegularFile(model)) {
            return Optional.of(model.getFileName().toString().toLowerCase().endsWith(".gguf")
                    ? ModelFormat.GGUF : ModelFormat.SAFETENSORS);
        }
        if (!Files.isDirectory(model)) {
            return Optional.empty();
        }
        if (anyFileEndingWith(model, ".gguf")) {
            return Optional.of(ModelFormat.GGUF);
        }
        String config = readConfig(model);
        if (config.contains("\"exl2\"")) {
            return Optional.of(ModelFormat.EXL2);
        }
        if (anyFileEndingWith(model, ".npz") || config.contains("\"mlx\"")) {
            return Optional.of(ModelFormat.MLX);
        }
        return Optional.of(ModelFormat.SAFETENSORS);
    }

    /**
     * Fails with a message naming the engine's formats when the model cannot run on it. A model
     * that is not a local path is accepted only where engines load models by name.
     */
    public static void check(EngineDescriptor engine, String model, boolean needsLocalFiles) {
        Optional<ModelFormat> format = detect(Path.of(model));
        if (format.isEmpty()) {
            if (needsLocalFiles && !engine.supports(ModelFormat.OLLAMA_TAG)) {
                throw new EngineException("model path not found: " + model);
            }
            return;
        }
        if (!engine.supports(format.get())) {
            throw new EngineException("engine " + engine.name() + " cannot load " + format.get().id()
                    + " model " + model + "; it supports: " + engine.formatList());
        }
    }

    private static boolean anyFileEndingWith(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().toLowerCase().endsWith(suffix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readConfig(Path dir) {
        Path config = dir.resolve("config.json");
        try {
            return Files.isRegularFile(config) ? Files.readString(config, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
