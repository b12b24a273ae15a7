package dev.kitt.campaigns.spec;

import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of {@code models:}. Which weights exist is told by the repo keys the original layout
 * uses; each becomes a format the planner can match against an engine.
 */
public record ModelSpec(String name, String params, Double estimatedSizeGb, Map<String, String> refsByFormat) {
    /** YAML key → the format it provides, in the order the planner prefers them. */
    static final Map<String, String> REF_KEYS = Map.of(
            "safetensors_repo", "safetensors",
            "gguf_repo", "gguf",
            "ollama_tag", "ollama",
            "exl2_repo", "exl2",
            "mlx_repo", "mlx");

    static ModelSpec from(JsonObject m, String path) {
        String name = Yaml.requiredString(m, "name", path);
        Map<String, String> refs = new LinkedHashMap<>();
        for (String key : new String[]{"safetensors_repo", "gguf_repo", "ollama_tag", "exl2_repo", "mlx_repo"}) {
            Object v = m.getValue(key);
            if (v != null) {
                if (!(v instanceof String s) || s.isBlank()) {
                    throw SpecException.at(path + "." + key, path + "." + key + " must be a non-empty string");
                }
                refs.put(REF_KEYS.get(key), s);
            }
        }
        Object size = m.getValue("estimated_size_gb");
        if (size != null && !(size instanceof Number)) {
            throw SpecException.at(path + ".estimated_size_gb", path + ".estimated_size_gb must be a number");
        }
        Object params = m.getValue("params");
        return new ModelSpec(name, params == null ? null : String.valueOf(params),
                size == null ? null : ((Number) size).doubleValue(), refs);
    }
}
