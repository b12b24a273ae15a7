package dev.kitt.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * `kitt agent start` as a real child process (this JVM's classpath), enrolled first with the real
 * `kitt agent init`. Without an installed kitt.jar the agent runs its tests through its own
 * classpath's `kitt run`, so a test agent host needs nothing but this checkout.
 */
public final class AgentProcess implements AutoCloseable {
    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    public final String agentId;

    private AgentProcess(Process process, String agentId) {
        this.process = process;
        this.agentId = agentId;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "agent-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Enrols an agent named {@code name} with the server at {@code baseUrl} and starts its daemon. */
    public static AgentProcess enrollAndStart(String baseUrl, HttpResponse<Buffer> enrollmentToken, Path home, String name) {
        if (enrollmentToken.statusCode() != 201) {
            throw new IllegalStateException("no enrollment token: " + enrollmentToken.bodyAsString());
        }
        CliRun init = CliRun.of("agent", "init", "--home", home.toString(), "--server", baseUrl,
                "--enroll-token", enrollmentToken.bodyAsJsonObject().getString("token"), "--name", name);
        if (init.exitCode() != 0) {
            throw new IllegalStateException("agent init failed: " + init.err() + init.out());
        }
        String agentId = dev.kitt.agent.AgentConfig.load(home).agentId();
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"),
                "dev.kitt.Main", "agent", "start", "--home", home.toString(), "--insecure");
        try {
            return new AgentProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start(), agentId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The processes the agent has started and that are still alive (a `kitt run` while a test runs). */
    public List<ProcessHandle> children() {
        return process.descendants().filter(ProcessHandle::isAlive).toList();
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** SIGTERM, then SIGKILL for it and any `kitt run` it left behind. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.toHandle().destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
