package dev.kitt.util;

import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads YAML into JsonObject so YAML and JSON data share one model. SafeConstructor because
 * user-written files (profiles, suites, custom benchmarks) must never instantiate classes.
 * Blocking: call from a worker or from CLI code before Vert.x work starts.
 */
public final class YamlDocs {
    private YamlDocs() {
    }

    public static JsonObject parse(String text) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        if (doc == null) {
            return new JsonObject();
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("expected a YAML mapping at the top level");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) map;
        return new JsonObject(m).copy();
    }

    public static JsonObject read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A classpath resource, or null when there is none by that name. */
    public static JsonObject resource(String name) {
        try (InputStream in = YamlDocs.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
