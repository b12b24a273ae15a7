package dev.kitt.cli;

import io.vertx.core.json.JsonObject;

import java.util.List;

/** Parses repeated {@code --set TEST.KEY=VALUE} (VALUE may be JSON) into the per-test override object the executor takes. */
final class Overrides {
    private Overrides() {
    }

    static JsonObject parse(List<String> sets) {
        JsonObject o = new JsonObject();
        for (String s : sets) {
            int eq = s.indexOf('=');
            int dot = s.indexOf('.');
            if (eq < 0 || dot < 0 || dot > eq) {
                throw new CliException("--set expects TEST.KEY=VALUE, got '" + s + "'");
            }
            String test = s.substring(0, dot);
            String key = s.substring(dot + 1, eq);
            String raw = s.substring(eq + 1);
            JsonObject t = o.getJsonObject(test);
            if (t == null) {
                t = new JsonObject();
                o.put(test, t);
            }
            t.put(key, value(raw));
        }
        return o;
    }

    private static Object value(String raw) {
        if (raw.startsWith("{")) {
            return new JsonObject(raw);
        }
        if (raw.startsWith("[")) {
            return new io.vertx.core.json.JsonArray(raw);
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.parseBoolean(raw);
        }
        try {
            return raw.contains(".") ? Double.parseDouble(raw) : Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
    }
}
