package dev.kitt.server.metrics;

import io.vertx.core.json.JsonObject;

import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Reads a fact's body whatever form its publisher chose: a JsonObject, a JSON string, a map or a
 * record (through its components). The metrics verticle observes other packages' messages
 * without depending on their classes.
 */
final class Facts {
    private Facts() {
    }

    @SuppressWarnings("unchecked")
    static JsonObject toJson(Object body) {
        if (body instanceof JsonObject json) {
            return json;
        }
        if (body instanceof String text && text.startsWith("{")) {
            try {
                return new JsonObject(text);
            } catch (RuntimeException e) {
                return new JsonObject();
            }
        }
        if (body instanceof Map<?, ?> map) {
            return new JsonObject((Map<String, Object>) map);
        }
        if (body != null && body.getClass().isRecord()) {
            JsonObject out = new JsonObject();
            for (RecordComponent c : body.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    Object v = c.getAccessor().invoke(body);
                    out.put(c.getName(), v instanceof Enum<?> e ? e.name().toLowerCase()
                            : v != null && v.getClass().isRecord() ? toJson(v) : v);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // A component we cannot read is left out; the meter falls back to "unknown".
                }
            }
            return out;
        }
        return new JsonObject();
    }

    /** The first non-blank string among these fields, else the fallback. */
    static String text(JsonObject fact, String fallback, String... fields) {
        for (String f : fields) {
            Object v = fact.getValue(f);
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return fallback;
    }

    /** The size of a "lines" array (log batches), or 0. */
    static int lineCount(JsonObject fact) {
        Object lines = fact.getValue("lines");
        if (lines instanceof io.vertx.core.json.JsonArray arr) {
            return arr.size();
        }
        if (lines instanceof java.util.Collection<?> c) {
            return c.size();
        }
        return 0;
    }
}
