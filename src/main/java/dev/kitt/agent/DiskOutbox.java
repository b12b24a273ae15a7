package dev.kitt.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Logs, status changes and results wait here, one file each, until the server confirms them with
 * {@code received}. Files are written (atomically) before a frame is sent, so an agent or server
 * restart loses nothing; the server de-duplicates what is sent twice. Disk work runs on worker
 * threads in submission order.
 */
public final class DiskOutbox {
    private final Vertx vertx;
    private final Path dir;
    private final Map<String, JsonObject> pending = new LinkedHashMap<>();
    private long seq;

    public DiskOutbox(Vertx vertx, Path dir) {
        this.vertx = vertx;
        this.dir = dir;
    }

    /** Loads what a previous run left unconfirmed. */
    public Future<Void> open() {
        return vertx.executeBlocking(() -> {
            Files.createDirectories(dir);
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            List<JsonObject> loaded = new ArrayList<>();
            for (Path f : files) {
                try {
                    loaded.add(new JsonObject(Files.readString(f, StandardCharsets.UTF_8)));
                } catch (RuntimeException e) {
                    Files.delete(f); // a torn write from a crash: never confirmed, never complete
                }
            }
            return loaded;
        }, true).map(loaded -> {
            for (JsonObject frame : loaded) {
                pending.put(frame.getString("msgId"), frame);
                seq = Math.max(seq, frame.getLong("outboxSeq", 0L));
            }
            return null;
        });
    }

    /** Stores the frame with a fresh msgId; completes once it is on disk. */
    public Future<JsonObject> add(JsonObject frame) {
        JsonObject stored = frame.copy().put("msgId", UUID.randomUUID().toString()).put("outboxSeq", ++seq);
        pending.put(stored.getString("msgId"), stored);
        String name = String.format("%012d-%s.json", stored.getLong("outboxSeq"), stored.getString("msgId"));
        return vertx.executeBlocking(() -> {
            Path tmp = dir.resolve(name + ".tmp");
            Files.writeString(tmp, stored.encode(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return stored;
        }, true);
    }

    public void confirm(String msgId) {
        JsonObject frame = pending.remove(msgId);
        if (frame == null) {
            return;
        }
        String name = String.format("%012d-%s.json", frame.getLong("outboxSeq"), msgId);
        vertx.executeBlocking(() -> Files.deleteIfExists(dir.resolve(name)), true);
    }

    /** What is still unconfirmed, oldest first. */
    public List<JsonObject> pending() {
        return new ArrayList<>(pending.values());
    }

    public int size() {
        return pending.size();
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort
        }
    }
}
