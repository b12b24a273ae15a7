package dev.kitt.agent.preflight;

import io.vertx.core.json.JsonObject;

/**
 * The outcome of one check.
 *
 * @param required a failed required check stops the agent; an advisory one only warns
 * @param detail what was found, or why it failed, in words an operator can act on
 */
public record PreflightCheck(String name, boolean required, boolean passed, String detail) {
    public static PreflightCheck required(String name, boolean passed, String detail) {
        return new PreflightCheck(name, true, passed, detail);
    }

    public static PreflightCheck advisory(String name, boolean passed, String detail) {
        return new PreflightCheck(name, false, passed, detail);
    }

    public JsonObject toJson() {
        return new JsonObject()
                .put("name", name)
                .put("required", required)
                .put("passed", passed)
                .put("detail", detail);
    }
}
