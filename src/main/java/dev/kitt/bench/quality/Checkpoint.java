package dev.kitt.bench.quality;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Progress of a quality run on disk: how many items (in dataset order) are scored and how many
 * were correct. Written atomically (temp file + move) so a kill mid-write leaves the old one.
 */
record Checkpoint(String dataset, int total, int done, int correct, int failed) {
    static final int EVERY = 100;

    static Checkpoint read(Path file, String dataset, int total) throws IOException {
        if (Files.isRegularFile(file)) {
            JsonObject o = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            if (dataset.equals(o.getString("dataset")) && o.getInteger("total") == total) {
                return new Checkpoint(dataset, total, o.getInteger("done"), o.getInteger("correct"), o.getInteger("failed"));
            }
        }
        return new Checkpoint(dataset, total, 0, 0, 0);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JsonObject o = new JsonObject().put("dataset", dataset).put("total", total).put("done", done)
                .put("correct", correct).put("failed", failed);
        Files.writeString(tmp, o.encodePrettily(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    Checkpoint plus(int moreDone, int moreCorrect, int moreFailed) {
        return new Checkpoint(dataset, total, done + moreDone, correct + moreCorrect, failed + moreFailed);
    }
}
