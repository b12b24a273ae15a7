package dev.kitt.bench.quality;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a dataset: {@code <dataset-dir>/<name>.jsonl} when a directory is given and holds one,
 * else the small sample bundled as {@code datasets/<name>.jsonl}. Blocking: call from a worker.
 */
final class Datasets {
    record Loaded(List<JsonObject> items, String source) {
    }

    private Datasets() {
    }

    static Loaded load(QualityTask task, Path datasetDir) throws IOException {
        String file = task.name() + ".jsonl";
        if (datasetDir != null) {
            Path p = datasetDir.resolve(file);
            if (!Files.isRegularFile(p)) {
                throw new IllegalArgumentException("dataset file not found: " + p);
            }
            return new Loaded(parse(task, Files.readString(p, StandardCharsets.UTF_8), p.toString()), p.toString());
        }
        try (InputStream in = Datasets.class.getClassLoader().getResourceAsStream("datasets/" + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled dataset missing: datasets/" + file);
            }
            return new Loaded(parse(task, new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled " + file),
                    "bundled:" + file);
        }
    }

    private static List<JsonObject> parse(QualityTask task, String text, String where) {
        List<JsonObject> items = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonObject item = new JsonObject(line);
                task.validate(item);
                items.add(item);
            } catch (DecodeException | IllegalArgumentException | ClassCastException e) {
                throw new IllegalArgumentException(where + " line " + lineNo + ": " + e.getMessage());
            }
        }
        return items;
    }
}
