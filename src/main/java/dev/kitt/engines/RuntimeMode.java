package dev.kitt.engines;

import java.util.Locale;

/** How an engine is brought up: a container, a local process, or not at all (already running). */
public enum RuntimeMode {
    DOCKER, NATIVE, ENDPOINT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RuntimeMode parse(String s) {
        for (RuntimeMode m : values()) {
            if (m.id().equalsIgnoreCase(s)) {
                return m;
            }
        }
        throw new EngineException("unknown mode '" + s + "' (expected docker, native or endpoint)");
    }
}
