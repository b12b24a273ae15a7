package dev.kitt.settings;

import dev.kitt.server.ApiException;
import dev.kitt.store.SettingsRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Effective settings: the stored value (set in the UI) wins, else the environment variable,
 * else a default under KITT's home. Stored under "ui." keys so they never meet internal ones
 * such as the JWT secret.
 */
public final class SettingsService {
    private static final String PREFIX = "ui.";

    private final SettingsRepository store;
    private final Map<String, String> env;
    private final Path home;

    public SettingsService(SettingsRepository store, Map<String, String> env, Path home) {
        this.store = store;
        this.env = env;
        this.home = home;
    }

    /** One setting's effective value, null when unset everywhere. */
    public Future<String> value(Setting s) {
        return store.get(PREFIX + s.key).map(stored -> {
            if (stored != null && !stored.isEmpty()) {
                return stored;
            }
            String fromEnv = s.env == null ? null : env.get(s.env);
            return fromEnv != null && !fromEnv.isBlank() ? fromEnv : defaultFor(s);
        });
    }

    private String defaultFor(Setting s) {
        return switch (s) {
            case MODEL_DIR -> home.resolve("models").toString();
            case RESULTS_DIR -> home.resolve("results").toString();
            case DEVON_TAB_VISIBLE -> "true";
            default -> null;
        };
    }

    /** Every setting as the API shows it: {key: value}, secrets as {key_set: bool}, plus where each came from. */
    public Future<JsonObject> describe() {
        List<Future<JsonObject>> parts = new ArrayList<>();
        for (Setting s : Setting.values()) {
            parts.add(store.get(PREFIX + s.key).compose(stored -> value(s).map(v -> {
                String origin = stored != null && !stored.isEmpty() ? "ui"
                        : s.env != null && env.get(s.env) != null && !env.get(s.env).isBlank() ? "env" : "default";
                JsonObject one = new JsonObject().put("source", origin);
                if (s.secret) {
                    one.put("set", v != null);
                } else if (s == Setting.DEVON_TAB_VISIBLE) {
                    one.put("value", Boolean.parseBoolean(v));
                } else {
                    one.put("value", v);
                }
                if (s.env != null) {
                    one.put("env", s.env);
                }
                return new JsonObject().put(s.key, one);
            })));
        }
        return Future.all(parts).map(all -> {
            JsonObject out = new JsonObject();
            for (int i = 0; i < all.size(); i++) {
                out.mergeIn(all.resultAt(i));
            }
            return out;
        });
    }

    /** Validates every field first, so a bad field changes nothing; then stores them. */
    public Future<Void> update(JsonObject changes) {
        List<Map.Entry<Setting, String>> valid = new ArrayList<>();
        for (String key : changes.fieldNames()) {
            Setting s = Setting.byKey(key).orElseThrow(() ->
                    ApiException.invalidField(key, "field '" + key + "' is not a setting"));
            valid.add(Map.entry(s, s.normalise(changes.getValue(key))));
        }
        if (valid.isEmpty()) {
            throw ApiException.badRequest("request body names no setting to change");
        }
        // One transaction: a form saves all its fields or none (and SQLite gets one writer, not five).
        Map<String, String> rows = new java.util.LinkedHashMap<>();
        valid.forEach(e -> rows.put(PREFIX + e.getKey().key, e.getValue()));
        return store.putAll(rows);
    }
}
