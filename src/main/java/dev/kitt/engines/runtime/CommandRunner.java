package dev.kitt.engines.runtime;

import dev.kitt.engines.EngineException;
import dev.kitt.util.Executables;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs child processes off the event loop. Short commands run to completion on a worker; long
 * ones (an engine, `docker logs -f`) have their output pumped line by line on a dedicated pool
 * whose threads may block for as long as the process lives.
 */
public final class CommandRunner {
    /** Exit code and combined stdout+stderr of a finished command. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Vertx vertx;
    private final Map<String, String> env;
    private final WorkerExecutor pumps;

    /** @param envOverrides added to this JVM's environment for every child (tests put a fake docker first on PATH) */
    public CommandRunner(Vertx vertx, Map<String, String> envOverrides) {
        this.vertx = vertx;
        this.env = new HashMap<>(System.getenv());
        this.env.putAll(envOverrides);
        this.pumps = vertx.createSharedWorkerExecutor("kitt-process-io", 32, 7, TimeUnit.DAYS);
    }

    public Future<Result> run(List<String> command) {
        return vertx.executeBlocking(() -> {
            Process p = builder(command, Map.of()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out.strip());
        }, false);
    }

    /** Runs synchronously; only for JVM shutdown hooks, where no event loop is left to use. */
    public Result runNow(List<String> command) {
        try {
            Process p = builder(command, Map.of()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out.strip());
        } catch (Exception e) {
            return new Result(-1, e.getMessage());
        }
    }

    /** Starts a long-lived process; each output line goes to {@code lines} (called on a pump thread). */
    public Future<Process> spawn(List<String> command, Map<String, String> extraEnv, Consumer<String> lines) {
        return vertx.executeBlocking(() -> builder(command, extraEnv).redirectErrorStream(true).start(), false)
                .onSuccess(p -> pumps.executeBlocking(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            lines.accept(line);
                        }
                    }
                    return null;
                }, false));
    }

    public Map<String, String> environment() {
        return env;
    }

    private ProcessBuilder builder(List<String> command, Map<String, String> extraEnv) {
        List<String> cmd = new ArrayList<>(command);
        // Resolve against the child's PATH: the JDK would use this JVM's PATH instead.
        cmd.set(0, Executables.find(cmd.get(0), env.get("PATH"))
                .orElseThrow(() -> new EngineException(cmd.get(0) + " not found on PATH")).toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        return pb;
    }
}
