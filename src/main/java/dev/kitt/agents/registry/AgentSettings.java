package dev.kitt.agents.registry;

import dev.kitt.server.ApiException;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Per-agent settings: defaults plus strict validation, so a bad value is refused at the API and
 * never reaches an agent.
 */
public final class AgentSettings {
    static final Set<String> KEYS = Set.of("model_storage_dir", "model_share_source", "model_share_mount",
            "auto_cleanup", "heartbeat_interval_s", "kitt_image");
    public static final int MIN_HEARTBEAT_S = 10;
    public static final int MAX_HEARTBEAT_S = 300;

    private AgentSettings() {
    }

    public static JsonObject defaults() {
        return new JsonObject()
                .put("model_storage_dir", "~/.kitt/models")
                .putNull("model_share_source")
                .putNull("model_share_mount")
                .put("auto_cleanup", false)
                .put("heartbeat_interval_s", 10)
                .put("kitt_image", "kitt/kitt:latest");
    }

    /** Merges {@code patch} over {@code current}, refusing unknown keys and out-of-range values. */
    public static JsonObject merge(JsonObject current, JsonObject patch) {
        JsonObject out = defaults().mergeIn(current == null ? new JsonObject() : current);
        for (String key : patch.fieldNames()) {
            if (!KEYS.contains(key)) {
                throw ApiException.invalidField(key, "unknown setting '" + key + "' (known: " + String.join(", ",
                        new java.util.TreeSet<>(KEYS)) + ")");
            }
            Object v = patch.getValue(key);
            switch (key) {
                case "auto_cleanup" -> {
                    if (!(v instanceof Boolean)) {
                        throw invalid(key, "must be true or false");
                    }
                }
                case "heartbeat_interval_s" -> {
                    if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < MIN_HEARTBEAT_S
                            || ((Number) v).longValue() > MAX_HEARTBEAT_S) {
                        throw invalid(key, "must be an integer from " + MIN_HEARTBEAT_S + " to " + MAX_HEARTBEAT_S);
                    }
                    v = ((Number) v).intValue();
                }
                case "model_storage_dir", "kitt_image" -> {
                    if (!(v instanceof String s) || s.isBlank()) {
                        throw invalid(key, "must be a non-empty string");
                    }
                }
                default -> {
                    if (v != null && !(v instanceof String)) {
                        throw invalid(key, "must be a string or null");
                    }
                }
            }
            out.put(key, v);
        }
        return out;
    }

    private static ApiException invalid(String key, String why) {
        return ApiException.invalidField(key, "setting '" + key + "' " + why);
    }
}
