package dev.kitt.engines;

import dev.kitt.util.YamlDocs;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engines KITT knows: the built-in list, with image and port overrides from
 * KITT_HOME/engines.yaml ({@code engines: {vllm: {image: my/vllm:0.6, port: 8001}}}). Immutable.
 */
public final class EngineRegistry {
    private final Map<String, EngineDescriptor> engines;

    private EngineRegistry(Map<String, EngineDescriptor> engines) {
        this.engines = Collections.unmodifiableMap(engines);
    }

    public static EngineRegistry builtin() {
        return withOverrides(new JsonObject());
    }

    /** Reads KITT_HOME/engines.yaml when it exists (blocking: call before or off the event loop). */
    public static EngineRegistry load(Path kittHome) {
        Path file = kittHome.resolve("engines.yaml");
        return withOverrides(Files.isRegularFile(file) ? YamlDocs.read(file) : new JsonObject());
    }

    /** The built-ins with the overrides of an engines.yaml document. */
    public static EngineRegistry withOverrides(JsonObject doc) {
        JsonObject overrides = doc.getJsonObject("engines", new JsonObject());
        Map<String, EngineDescriptor> map = new LinkedHashMap<>();
        for (EngineDescriptor d : BuiltinEngines.all()) {
            JsonObject o = overrides.getJsonObject(d.name(), new JsonObject());
            EngineDescriptor e = o.getString("image") != null ? d.withImage(o.getString("image")) : d;
            map.put(d.name(), o.getInteger("port") != null ? e.withPort(o.getInteger("port")) : e);
        }
        for (String name : overrides.fieldNames()) {
            if (!map.containsKey(name)) {
                throw new EngineException("engines.yaml names unknown engine '" + name + "' (known: "
                        + String.join(", ", map.keySet()) + ")");
            }
        }
        return new EngineRegistry(map);
    }

    public List<EngineDescriptor> all() {
        return new ArrayList<>(engines.values());
    }

    public EngineDescriptor get(String name) {
        EngineDescriptor d = engines.get(name);
        if (d == null) {
            throw new EngineException("unknown engine '" + name + "' (known: "
                    + String.join(", ", engines.keySet()) + ")");
        }
        return d;
    }
}
