package dev.kitt.campaigns.spec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code engines:}: name, suite (quick when absent), wanted formats, engine config,
 * mode (with {@code endpoint}: the URL of an engine already running, for mode endpoint), and (a
 * KITT addition) {@code agents}: the only agents of the campaign that may run this
 * engine (empty: any of them), e.g. the one Mac for mlx.
 */
public record EngineSpec(String name, String suite, List<String> formats, JsonObject config, String mode,
                         String endpoint, List<String> agents) {
    static EngineSpec from(JsonObject e, String path) {
        String name = Yaml.requiredString(e, "name", path);
        Object suite = e.getValue("suite");
        if (suite != null && (!(suite instanceof String s) || s.isBlank())) {
            throw SpecException.at(path + ".suite", path + ".suite must be a suite name such as quick");
        }
        List<String> formats = new ArrayList<>();
        Object f = e.getValue("formats");
        if (f != null) {
            if (!(f instanceof JsonArray arr)) {
                throw SpecException.at(path + ".formats", path + ".formats must be a list such as [gguf]");
            }
            for (Object o : arr) {
                if (!(o instanceof String s) || s.isBlank()) {
                    throw SpecException.at(path + ".formats", path + ".formats must hold format names");
                }
                formats.add(s.toLowerCase());
            }
        }
        Object c = e.getValue("config");
        if (c != null && !(c instanceof JsonObject)) {
            throw SpecException.at(path + ".config", path + ".config must be a mapping");
        }
        JsonObject config = c == null ? new JsonObject() : (JsonObject) c;
        Object mode = e.getValue("mode", config.getValue("mode"));
        if (mode != null && !List.of("docker", "native", "endpoint").contains(mode)) {
            throw SpecException.at(path + ".mode", path + ".mode must be docker, native or endpoint");
        }
        Object endpoint = e.getValue("endpoint", config.getValue("endpoint"));
        if (endpoint != null && (!(endpoint instanceof String url) || !url.matches("https?://.+"))) {
            throw SpecException.at(path + ".endpoint", path + ".endpoint must be a URL such as http://gpu-1:8000");
        }
        if (endpoint != null && mode == null) {
            mode = "endpoint"; // as with kitt run: an endpoint alone means endpoint mode
        }
        if ("endpoint".equals(mode) && endpoint == null) {
            throw SpecException.at(path + ".endpoint", path + " runs in endpoint mode: give endpoint: http://HOST:PORT "
                    + "(the engine already running there)");
        }
        List<String> agents = new ArrayList<>();
        Object a = e.getValue("agents");
        if (a != null) {
            if (!(a instanceof JsonArray arr) || arr.isEmpty()) {
                throw new SpecException(path + ".agents must be a non-empty list of agent ids");
            }
            for (Object o : arr) {
                if (!(o instanceof String s) || s.isBlank()) {
                    throw new SpecException(path + ".agents must hold agent ids");
                }
                agents.add(s);
            }
        }
        return new EngineSpec(name, suite == null ? "quick" : (String) suite, formats, config, (String) mode,
                (String) endpoint, List.copyOf(agents));
    }
}
