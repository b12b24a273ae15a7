package dev.kitt.engines;

import dev.kitt.util.YamlDocs;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Engine profiles: the built-ins bundled as engines/profiles.yaml, then the user's
 * KITT_HOME/profiles.yaml (same layout; a user profile replaces a built-in of the same name).
 */
public final class EngineProfiles {
    private final Map<String, EngineProfile> profiles;

    private EngineProfiles(Map<String, EngineProfile> profiles) {
        this.profiles = profiles;
    }

    /** Blocking file read: call before Vert.x work starts or from a worker. */
    public static EngineProfiles load(Path kittHome) {
        Map<String, EngineProfile> map = new LinkedHashMap<>();
        addAll(map, YamlDocs.resource("engines/profiles.yaml"), "built-in");
        if (kittHome != null) {
            Path user = kittHome.resolve("profiles.yaml");
            if (Files.isRegularFile(user)) {
                addAll(map, YamlDocs.read(user), user.toString());
            }
        }
        return new EngineProfiles(map);
    }

    private static void addAll(Map<String, EngineProfile> map, JsonObject doc, String source) {
        if (doc == null) {
            return;
        }
        JsonObject all = doc.getJsonObject("profiles", new JsonObject());
        for (String name : all.fieldNames()) {
            map.put(name, EngineProfile.fromJson(name, all.getJsonObject(name), source));
        }
    }

    public List<EngineProfile> all() {
        return new ArrayList<>(profiles.values());
    }

    public List<EngineProfile> forEngine(String engine) {
        return profiles.values().stream().filter(p -> p.engine().equals(engine)).toList();
    }

    /** The named profile, checked to belong to the engine it is used with (null engine: any). */
    public EngineProfile get(String name, String engine) {
        EngineProfile p = profiles.get(name);
        if (p == null) {
            throw new EngineException("unknown profile '" + name + "' (known: "
                    + String.join(", ", profiles.keySet()) + ")");
        }
        if (engine != null && !p.engine().equals(engine)) {
            throw new EngineException("profile '" + name + "' is for engine " + p.engine() + ", not " + engine);
        }
        return p;
    }
}
