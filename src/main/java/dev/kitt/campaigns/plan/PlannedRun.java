package dev.kitt.campaigns.plan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * One cell of the matrix. {@code modelRef} is what the engine loads (a repo or an Ollama tag);
 * {@code agents} are the agents that can run it. A skipped run carries the reason.
 */
public record PlannedRun(int seq, String model, String modelRef, String format, String engine, String suite,
                         String profile, String mode, List<String> agents, String skipReason) {
    public boolean skipped() {
        return skipReason != null;
    }

    public JsonObject toJson() {
        return new JsonObject().put("seq", seq).put("model", model).put("model_ref", modelRef)
                .put("format", format).put("engine", engine).put("suite", suite).put("profile", profile)
                .put("mode", mode).put("agents", new JsonArray(agents))
                .put("status", skipped() ? "skipped" : "planned").put("reason", skipReason);
    }
}
