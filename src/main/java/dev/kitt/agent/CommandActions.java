package dev.kitt.agent;

import dev.kitt.util.Directories;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What each command type does on the host: the docker CLI for containers, {@link ModelStorage}
 * and a benchmark process for run_test, file deletion for cleanup_storage. Every action's output
 * goes to the command's log; the returned JSON is the command's result.
 */
final class CommandActions {
    private final Vertx vertx;
    private final AgentConfig config;
    private final AgentOptions options;
    private final Supplier<JsonObject> settings;

    CommandActions(Vertx vertx, AgentConfig config, AgentOptions options, Supplier<JsonObject> settings) {
        this.vertx = vertx;
        this.config = config;
        this.options = options;
        this.settings = settings;
    }

    Future<JsonObject> perform(String type, JsonObject payload, ProcessTask task, LogShipper log) {
        return switch (type) {
            case "check_docker" -> exec(List.of("docker", "info", "--format", "{{.ServerVersion}}"), task, log)
                    .map(out -> new JsonObject().put("docker", "ok"));
            case "run_container" -> runContainer(payload, task, log);
            case "stop_container" -> name(payload).compose(n -> exec(List.of("docker", "stop", n), task, log))
                    .map(out -> new JsonObject().put("stopped", payload.getString("name")));
            case "cleanup_storage" -> vertx.executeBlocking(() -> modelStorage().cleanup(payload.getString("model"), log::line), false)
                    .map(deleted -> new JsonObject().put("deleted", new JsonArray(deleted)));
            case "run_test" -> runTest(payload, task, log);
            default -> Future.failedFuture("unknown command type '" + type + "'");
        };
    }

    private ModelStorage modelStorage() {
        JsonObject s = settings.get();
        return new ModelStorage(expand(s.getString("model_storage_dir", config.modelDir())),
                s.getString("model_share_source", config.shareSource()), s.getString("model_share_mount", config.shareMount()));
    }

    private Future<JsonObject> runContainer(JsonObject payload, ProcessTask task, LogShipper log) {
        if (!(payload.getValue("image") instanceof String image) || image.isBlank()) {
            return Future.failedFuture("run_container needs payload.image");
        }
        List<String> cmd = new ArrayList<>(List.of("docker", "run", "--rm", "--name",
                payload.getString("name", "kitt-" + System.currentTimeMillis()), "--network", "host"));
        if (payload.getBoolean("gpus", true)) {
            cmd.addAll(List.of("--gpus", "all"));
        }
        cmd.addAll(List.of("-v", expand(settings.get().getString("model_storage_dir", config.modelDir())) + ":/models"));
        cmd.add(image);
        payload.getJsonArray("args", new JsonArray()).forEach(a -> cmd.add(String.valueOf(a)));
        return exec(cmd, task, log).map(code -> new JsonObject().put("image", image));
    }

    private Future<JsonObject> runTest(JsonObject payload, ProcessTask task, LogShipper log) {
        String model = payload.getString("model");
        String engine = payload.getString("engine");
        if (model == null || engine == null) {
            return Future.failedFuture("run_test needs payload.model and payload.engine");
        }
        ModelStorage storage = modelStorage();
        return vertx.executeBlocking(() -> storage.prepare(model, log::line), false).compose(prepared ->
                vertx.executeBlocking(() -> Files.createTempDirectory(
                        Files.createDirectories(options.home().resolve("runs")), "run-"), false).compose(out -> {
                    List<String> cmd = RunTestCommandLine.build(runTestTemplate(), payload, prepared.path(), out);
                    return exec(cmd, task, log)
                            .compose(code -> vertx.executeBlocking(() -> new JsonObject(
                                    Files.readString(out.resolve("metrics.json"))), false))
                            .eventually(() -> vertx.executeBlocking(() -> {
                                // The result travels in the reply; the run's files would only fill the disk.
                                Directories.deleteTree(out);
                                if (prepared.copied() && settings.get().getBoolean("auto_cleanup", false)) {
                                    storage.cleanup(model, log::line);
                                }
                                return null;
                            }, false))
                            .map(doc -> new JsonObject().put("metrics", doc).put("model", model));
                }));
    }

    private List<String> runTestTemplate() {
        if (options.runTestCommand() != null) {
            return options.runTestCommand();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = options.home().resolve("kitt.jar");
        // The installed jar when there is one; else the code this agent itself runs from (a
        // development checkout), so `kitt run` is always the agent's own version.
        List<String> launch = Files.isRegularFile(jar) ? List.of(java, "-jar", jar.toString())
                : List.of(java, "-cp", System.getProperty("java.class.path"), "dev.kitt.Main");
        return RunTestCommandLine.kittRun(launch);
    }

    /** Runs a process; a non-zero exit fails the command naming the program and the code. */
    private Future<Integer> exec(List<String> cmd, ProcessTask task, LogShipper log) {
        log.line("$ " + String.join(" ", cmd));
        return task.run(cmd, null, log::line).compose(code -> code == 0 || task.wasKilled() ? Future.succeededFuture(code)
                : Future.failedFuture(cmd.get(0) + " exited with code " + code));
    }

    private static Future<String> name(JsonObject payload) {
        return payload.getValue("name") instanceof String n && !n.isBlank() ? Future.succeededFuture(n)
                : Future.failedFuture("stop_container needs payload.name");
    }

    static String expand(String dir) {
        return dir.startsWith("~/") ? System.getProperty("user.home") + dir.substring(1) : dir;
    }
}
