package dev.kitt.agent;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One child process with its output streamed line by line to the daemon's event loop. Blocking
 * reads and the wait run on a worker thread; {@link #kill()} ends the process and its children.
 */
final class ProcessTask {
    private final Vertx vertx;
    private volatile Process process;
    private volatile boolean killed;

    ProcessTask(Vertx vertx) {
        this.vertx = vertx;
    }

    Future<Integer> run(List<String> command, Path workDir, Consumer<String> onLine) {
        Context ctx = vertx.getOrCreateContext();
        return vertx.executeBlocking(() -> {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            if (workDir != null) {
                pb.directory(workDir.toFile());
            }
            try {
                process = pb.start();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
            }
            if (killed) {
                kill();
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    String l = line;
                    ctx.runOnContext(v -> onLine.accept(l));
                }
            }
            return process.waitFor();
        }, false);
    }

    boolean wasKilled() {
        return killed;
    }

    void kill() {
        killed = true;
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
