package dev.kitt.models;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Devon manifest.json (or the output of {@code devon export --format kitt}): either an
 * array of models or {"models": [...]}, each with a name (name, id or repo_id), an optional
 * path and an optional format. Entries without a name are skipped.
 */
public final class DevonManifest {
    private DevonManifest() {
    }

    public static List<JsonObject> read(String text) {
        Object parsed = Json.decodeValue(text);
        JsonArray models = parsed instanceof JsonArray a ? a
                : parsed instanceof JsonObject o ? o.getJsonArray("models", new JsonArray()) : new JsonArray();
        List<JsonObject> out = new ArrayList<>();
        for (Object m : models) {
            if (!(m instanceof JsonObject model)) {
                continue;
            }
            String name = first(model, "name", "id", "repo_id");
            if (name == null) {
                continue;
            }
            String path = first(model, "path", "local_path");
            ModelFormat format = ModelFormat.parse(first(model, "format"));
            if (format == ModelFormat.UNKNOWN && (name + path).toLowerCase().contains("gguf")) {
                format = ModelFormat.GGUF;
            }
            out.add(new JsonObject().put("name", name).put("path", path).put("format", format.label)
                    .put("size_bytes", model.getValue("size_bytes") instanceof Number n ? n.longValue() : -1)
                    .put("source", "devon").put("engines", new JsonArray(format.engines)));
        }
        return out;
    }

    private static String first(JsonObject o, String... keys) {
        for (String k : keys) {
            if (o.getValue(k) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }
}
