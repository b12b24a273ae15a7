package dev.kitt.models;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds models under a directory (blocking file IO: call from a worker). A .gguf file is a model;
 * a directory with config.json and weight files is a model whose format its name or config tells.
 * A Devon manifest.json at the top lists more models, possibly stored elsewhere.
 */
public final class ModelScanner {
    private static final int MAX_DEPTH = 4;

    private ModelScanner() {
    }

    public static JsonObject scan(Path dir) {
        JsonArray items = new JsonArray();
        JsonArray problems = new JsonArray();
        if (!Files.isDirectory(dir)) {
            problems.add("model directory " + dir + " does not exist");
            return new JsonObject().put("model_dir", dir.toString()).put("items", items).put("problems", problems);
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir, MAX_DEPTH)) {
            walk.forEach(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(p) && name.endsWith(".gguf")) {
                    found.add(p);
                } else if (Files.isDirectory(p) && Files.isRegularFile(p.resolve("config.json"))) {
                    found.add(p);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add("cannot read " + dir + ": " + e.getMessage());
        }
        found.stream().sorted().forEach(p -> items.add(entry(dir, p)));
        Path manifest = dir.resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            try {
                DevonManifest.read(Files.readString(manifest)).forEach(items::add);
            } catch (IOException | RuntimeException e) {
                problems.add("cannot read Devon manifest " + manifest + ": " + e.getMessage());
            }
        }
        return new JsonObject().put("model_dir", dir.toString()).put("items", items).put("problems", problems);
    }

    private static JsonObject entry(Path root, Path p) {
        ModelFormat format = Files.isRegularFile(p) ? ModelFormat.GGUF : directoryFormat(p);
        return new JsonObject()
                .put("name", root.relativize(p).toString())
                .put("path", p.toString())
                .put("format", format.label)
                .put("size_bytes", size(p))
                .put("source", "directory")
                .put("engines", new JsonArray(format.engines));
    }

    private static ModelFormat directoryFormat(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.contains("exl2")) {
            return ModelFormat.EXL2;
        }
        if (name.contains("mlx")) {
            return ModelFormat.MLX;
        }
        try (Stream<Path> files = Files.list(p)) {
            return files.anyMatch(f -> f.toString().endsWith(".safetensors")) ? ModelFormat.SAFETENSORS
                    : ModelFormat.UNKNOWN;
        } catch (IOException e) {
            return ModelFormat.UNKNOWN;
        }
    }

    private static long size(Path p) {
        try (Stream<Path> walk = Files.walk(p, 2)) {
            return walk.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return -1;
        }
    }
}
