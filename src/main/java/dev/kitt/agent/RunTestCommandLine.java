package dev.kitt.agent;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code run_test} payload into the command line of the benchmark process. The template
 * holds placeholders ({model}, {engine}, {suite}, {profile}, {mode}, {endpoint}, {output}); a flag
 * whose value is an optional placeholder the payload leaves out ("--profile {profile}") is dropped
 * with it, so {@code kitt run} falls back to its own defaults instead of receiving a made-up value.
 */
final class RunTestCommandLine {
    /** Optional choices: the placeholder, and what the payload key is called. */
    private static final List<String> OPTIONAL = List.of("profile", "mode", "endpoint");

    private RunTestCommandLine() {
    }

    /** {@code kitt run} with every choice a payload can carry. */
    static List<String> kittRun(List<String> launch) {
        List<String> cmd = new ArrayList<>(launch);
        cmd.addAll(List.of("run", "-m", "{model}", "-e", "{engine}", "-s", "{suite}", "--profile", "{profile}",
                "--mode", "{mode}", "--endpoint", "{endpoint}", "-o", "{output}"));
        return cmd;
    }

    static List<String> build(List<String> template, JsonObject payload, String modelPath, Path output) {
        List<String> parts = new ArrayList<>(template);
        for (String key : OPTIONAL) {
            int at = parts.indexOf("{" + key + "}");
            // A key present with null (campaigns send "profile": null) means "not given".
            if (at > 0 && blank(payload.getString(key)) && parts.get(at - 1).startsWith("-")) {
                parts.subList(at - 1, at + 1).clear();
            }
        }
        List<String> cmd = new ArrayList<>();
        for (String part : parts) {
            cmd.add(part.replace("{model}", modelPath).replace("{engine}", payload.getString("engine"))
                    .replace("{suite}", orElse(payload.getString("suite"), "quick"))
                    .replace("{profile}", orElse(payload.getString("profile"), "default"))
                    .replace("{mode}", orElse(payload.getString("mode"), ""))
                    .replace("{endpoint}", orElse(payload.getString("endpoint"), ""))
                    .replace("{output}", output.toString()));
        }
        if (!blank(payload.getString("benchmark")) && template.contains("{suite}")) {
            cmd.addAll(List.of("-b", payload.getString("benchmark"))); // one benchmark instead of the suite
        }
        return cmd;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Submitters send absent choices as explicit nulls ("profile": null), which getString(key, def) keeps. */
    private static String orElse(String value, String def) {
        return blank(value) ? def : value;
    }
}
