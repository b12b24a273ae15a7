package dev.kitt.engines.runtime;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.EngineProfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to launch.
 *
 * @param profile     extra args and env, or null
 * @param port        the port the engine listens on (its default unless a caller needs another)
 * @param autoPull    pull the image even when it is present
 * @param endpointUrl endpoint mode only: where the engine already runs
 */
public record LaunchSpec(EngineDescriptor engine, String model, EngineProfile profile, int port, boolean autoPull,
                         String endpointUrl) {

    public static LaunchSpec of(EngineDescriptor engine, String model) {
        return new LaunchSpec(engine, model, null, engine.defaultPort(), false, null);
    }

    /** The engine's own arguments followed by the profile's. */
    public List<String> engineArgs(String modelRef) {
        List<String> args = new ArrayList<>(engine.engineArgs(modelRef, port));
        if (profile != null) {
            args.addAll(profile.args());
        }
        return args;
    }

    public Map<String, String> engineEnv() {
        Map<String, String> env = new LinkedHashMap<>(engine.engineEnv(port));
        if (profile != null) {
            env.putAll(profile.env());
        }
        return env;
    }
}
