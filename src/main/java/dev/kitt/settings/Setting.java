package dev.kitt.settings;

import dev.kitt.server.ApiException;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The settings the UI may change: their key, the environment variable behind them, and validation. */
public enum Setting {
    MODEL_DIR("model_dir", "KITT_MODEL_DIR", Kind.PATH, false),
    RESULTS_DIR("results_dir", "KITT_RESULTS_DIR", Kind.PATH, false),
    DEVON_URL("devon_url", "DEVON_URL", Kind.URL, false),
    DEVON_API_KEY("devon_api_key", "DEVON_API_KEY", Kind.TEXT, true),
    DEVON_TAB_VISIBLE("devon_tab_visible", null, Kind.BOOLEAN, false);

    enum Kind { PATH, URL, TEXT, BOOLEAN }

    public final String key;
    public final String env;
    final Kind kind;
    /** Secrets are write-only over the API: reads say only whether one is set. */
    public final boolean secret;

    Setting(String key, String env, Kind kind, boolean secret) {
        this.key = key;
        this.env = env;
        this.kind = kind;
        this.secret = secret;
    }

    static Optional<Setting> byKey(String key) {
        return List.of(values()).stream().filter(s -> s.key.equals(key)).findFirst();
    }

    /** The value as stored (text), or 400 naming the field; an empty string clears the setting. */
    String normalise(Object value) {
        if (kind == Kind.BOOLEAN) {
            if (!(value instanceof Boolean b)) {
                throw invalid("must be true or false");
            }
            return b.toString();
        }
        if (!(value instanceof String s)) {
            throw invalid("must be a string");
        }
        String v = s.trim();
        if (v.isEmpty()) {
            return "";
        }
        if (v.length() > 2000) {
            throw invalid("must be at most 2000 characters");
        }
        if (kind == Kind.PATH && !Path.of(v).isAbsolute()) {
            throw invalid("must be an absolute path, got '" + v + "'");
        }
        if (kind == Kind.URL) {
            try {
                URI uri = new URI(v);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (Exception e) {
                throw invalid("must be an http(s) URL such as https://devon.example:8080, got '" + v + "'");
            }
            return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        }
        return v;
    }

    ApiException invalid(String why) {
        return ApiException.invalidField(key, "field '" + key + "' " + why);
    }
}
