package dev.kitt.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** `kitt server` as a real child process (this JVM's classpath), with its output captured. */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready: https?://[^:]+:(\\d+)");

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread reader;

    private ServerProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            port.completeExceptionally(new IllegalStateException("server exited before it was ready:\n"
                    + String.join("\n", output)));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static ServerProcess start(Path home, Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of("--insecure"));
        all.addAll(List.of(args));
        return start(home, env, List.of(), all.toArray(String[]::new));
    }

    /** Over TLS (no --insecure unless in args), with JVM options (system properties) for the child. */
    public static ServerProcess startTls(Path home, List<String> jvmOptions, String... args) {
        return start(home, Map.of(), jvmOptions, args);
    }

    private static ServerProcess start(Path home, Map<String, String> env, List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.kitt.Main", "server",
                "--host", "127.0.0.1", "--port", "0", "--home", home.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            return new ServerProcess(pb.start());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int awaitPort(Duration timeout) throws Exception {
        return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    public int terminate(Duration timeout) throws InterruptedException {
        // Through the handle: Process#destroy would also close our end of its output pipe.
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not stop within " + timeout);
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** SIGKILL, as a crash or a power cut would end it: no shutdown hook runs. Waits for the end. */
    public void kill(Duration timeout) throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("server still running " + timeout + " after SIGKILL");
        }
        reader.join(5000);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("server still running after " + timeout);
        }
        reader.join(5000);
        return process.exitValue();
    }

    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
