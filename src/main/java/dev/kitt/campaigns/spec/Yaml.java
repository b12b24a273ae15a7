package dev.kitt.campaigns.spec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.util.List;
import java.util.Map;

/** YAML text to plain JSON values (safe constructor: no arbitrary types), and field helpers. */
final class Yaml {
    private Yaml() {
    }

    static JsonObject parse(String text) {
        Object doc;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20);
            doc = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException e) {
            String msg = String.valueOf(e.getMessage());
            throw new SpecException("campaign file is not valid YAML: " + msg.lines().findFirst().orElse(msg));
        }
        if (!(toJson(doc) instanceof JsonObject obj)) {
            throw new SpecException("campaign file must be a YAML mapping with campaign_name, models and engines");
        }
        return obj;
    }

    /** Maps and lists become JsonObject/JsonArray; dates and other scalars become strings. */
    static Object toJson(Object v) {
        if (v instanceof Map<?, ?> map) {
            JsonObject out = new JsonObject();
            map.forEach((k, val) -> out.put(String.valueOf(k), toJson(val)));
            return out;
        }
        if (v instanceof List<?> list) {
            JsonArray out = new JsonArray();
            list.forEach(x -> out.add(toJson(x)));
            return out;
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        return String.valueOf(v);
    }

    static String requiredString(JsonObject o, String key, String path) {
        Object v = o.getValue(key);
        if (!(v instanceof String s) || s.isBlank()) {
            // Top-level keys are named bare; nested ones by their path ("models[0].name").
            throw SpecException.at("campaign".equals(path) ? key : path + "." + key,
                    path + "." + key + " is required and must be a non-empty string");
        }
        return s;
    }
}
