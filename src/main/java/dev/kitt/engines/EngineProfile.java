package dev.kitt.engines;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of extra runtime arguments and environment for one engine (e.g. vLLM with FP8
 * KV cache). Plain data so it can live in YAML, the database or a request body alike.
 */
public record EngineProfile(String name, String engine, String description, List<String> args,
                            Map<String, String> env, String source) {

    public static EngineProfile fromJson(String name, JsonObject o, String source) {
        String engine = o.getString("engine");
        if (engine == null || engine.isBlank()) {
            throw new EngineException("profile '" + name + "' in " + source + " has no engine");
        }
        List<String> args = o.getJsonArray("args", new JsonArray()).stream().map(String::valueOf).toList();
        Map<String, String> env = new LinkedHashMap<>();
        o.getJsonObject("env", new JsonObject()).forEach(e -> env.put(e.getKey(), String.valueOf(e.getValue())));
        return new EngineProfile(name, engine, o.getString("description", ""), args, env, source);
    }

    public JsonObject toJson() {
        return new JsonObject().put("name", name).put("engine", engine).put("description", description)
                .put("args", new JsonArray(args)).put("env", new JsonObject(new LinkedHashMap<>(env)))
                .put("source", source);
    }
}
