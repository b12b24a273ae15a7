package dev.kitt.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every commandId this agent has accepted, on disk: a command delivered twice (a re-send after a
 * reconnect, a server restart) is recognised and never run twice, even across agent restarts.
 */
public final class CommandLedger {
    private final Vertx vertx;
    private final Path dir;
    private final Map<String, JsonObject> entries = new HashMap<>();

    public CommandLedger(Vertx vertx, Path dir) {
        this.vertx = vertx;
        this.dir = dir;
    }

    public Future<Void> open() {
        return vertx.executeBlocking(() -> {
            Files.createDirectories(dir);
            Map<String, JsonObject> loaded = new HashMap<>();
            try (Stream<Path> s = Files.list(dir)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                    try {
                        JsonObject e = new JsonObject(Files.readString(f, StandardCharsets.UTF_8));
                        loaded.put(e.getString("commandId"), e);
                    } catch (RuntimeException e) {
                        Files.delete(f);
                    }
                }
            }
            return loaded;
        }, true).map(loaded -> {
            entries.putAll(loaded);
            return null;
        });
    }

    public boolean has(String commandId) {
        return entries.containsKey(commandId);
    }

    /** Entries not finished: work that a previous run of the agent was doing when it stopped. */
    public java.util.List<JsonObject> unfinished() {
        return entries.values().stream().filter(e -> !e.getBoolean("finished", false)).toList();
    }

    public Future<Void> record(String commandId, String type, boolean finished) {
        JsonObject e = new JsonObject().put("commandId", commandId).put("type", type).put("finished", finished)
                .put("at", System.currentTimeMillis());
        entries.put(commandId, e);
        if (!commandId.matches("[A-Za-z0-9-]{1,100}")) {
            return Future.succeededFuture(); // never a path from a frame; such ids stay in memory only
        }
        return vertx.executeBlocking(() -> {
            Path tmp = dir.resolve(commandId + ".json.tmp");
            Files.writeString(tmp, e.encode(), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(commandId + ".json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return null;
        }, true);
    }
}
