package dev.kitt.stack;

import dev.kitt.testing.CliRun;
import dev.kitt.testing.Poll;
import dev.kitt.util.Executables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * `kitt stack start | stop | remove` as real child processes. There is no Docker daemon here, so
 * the docker they find first on PATH is a stand-in script (src/test/resources/stack/docker-standin.sh)
 * that records its arguments and answers like docker compose; the real docker CLI, with no
 * daemon to reach, proves the error path.
 */
class StackDockerTest {
    @TempDir
    Path home;
    @TempDir
    Path bin;

    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void standIn() throws IOException {
        Path docker = bin.resolve("docker");
        Files.copy(Path.of("src/test/resources/stack/docker-standin.sh"), docker);
        assertTrue(docker.toFile().setExecutable(true));
        assertEquals(0, CliRun.of("stack", "generate", "web1", "--home", home.toString(), "--postgres", "--monitoring").exitCode());
    }

    @AfterEach
    void stopChildren() {
        started.forEach(Process::destroyForcibly);
    }

    private record Result(int exit, String output) {
    }

    private Process spawn(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: these short-lived CLI runs finish sooner without the optimising compiler.
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.kitt.Main"));
        cmd.addAll(Arrays.asList(args));
        cmd.addAll(List.of("--home", home.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("DOCKER_HOST");
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private Result kitt(Map<String, String> env, String... args) throws Exception {
        Process p = spawn(env, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kitt did not finish");
        return new Result(p.exitValue(), out);
    }

    private Map<String, String> standInPath() {
        return Map.of("PATH", bin + ":/usr/bin:/bin");
    }

    /** The stand-in's recorded calls, each as its argument list. */
    private List<List<String>> calls() throws IOException {
        Path log = bin.resolve("calls.log");
        List<List<String>> calls = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : Files.exists(log) ? Files.readAllLines(log) : List.<String>of()) {
            if (line.equals("--")) {
                calls.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return calls;
    }

    private List<String> compose(String... args) {
        Path dir = home.resolve("stacks/web1");
        List<String> call = new ArrayList<>(List.of("compose", "--project-directory", dir.toString(),
                "-f", dir.resolve("docker-compose.yaml").toString(), "--project-name", "kitt-web1"));
        call.addAll(Arrays.asList(args));
        return call;
    }

    @Test
    @DisplayName("start runs docker compose up -d on the stack's file, streaming its lines as they come, and stop runs down")
    void startAndStop() throws Exception {
        Files.createFile(bin.resolve("hold-up"));
        Process start = spawn(standInPath(), "stack", "start", "web1");
        StringBuilder seen = new StringBuilder();
        InputStream in = start.getInputStream();
        // The stand-in holds `up` after its first line: that line must reach us before up ends.
        Poll.until(Duration.ofSeconds(30), () -> {
            try {
                while (in.available() > 0) {
                    seen.append((char) in.read());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return seen.toString();
        }, s -> s.contains("Network kitt-web1_default  Creating"), "the first line of docker compose up");
        assertTrue(start.isAlive(), "kitt is still waiting for docker compose up");
        Files.createFile(bin.resolve("release-up"));
        seen.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(start.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, start.exitValue(), seen.toString());
        String out = seen.toString();
        for (String s : List.of("kitt-1", "postgres", "prometheus", "grafana")) {
            assertTrue(out.contains("Container kitt-web1-" + s + "-1  Started"), out);
        }
        assertTrue(out.contains("stack web1 started"), out);
        assertEquals(List.of(List.of("version", "--format", "{{.Server.Version}}"), List.of("compose", "version"),
                compose("up", "-d")), calls());

        Result stop = kitt(standInPath(), "stack", "stop", "web1");
        assertEquals(0, stop.exit(), stop.output());
        assertTrue(stop.output().contains("Container kitt-web1-postgres-1  Removed"), stop.output());
        assertEquals(compose("down"), calls().get(calls().size() - 1));
    }

    @Test
    @DisplayName("remove refuses a stack that has containers, --force takes them down with their volumes and deletes the files")
    void removeRefusesRunningStack() throws Exception {
        assertEquals(0, kitt(standInPath(), "stack", "start", "web1").exit());
        Result refused = kitt(standInPath(), "stack", "remove", "web1");
        assertEquals(1, refused.exit());
        assertEquals("kitt: stack web1 has containers: kitt stack stop web1 first, or use --force", refused.output().strip());
        assertTrue(Files.isDirectory(home.resolve("stacks/web1")));

        Result forced = kitt(standInPath(), "stack", "remove", "web1", "--force");
        assertEquals(0, forced.exit(), forced.output());
        assertTrue(forced.output().contains("Volume kitt-web1_data  Removed"), forced.output());
        assertEquals(compose("down", "--volumes", "--remove-orphans"), calls().get(calls().size() - 1));
        assertFalse(Files.exists(home.resolve("stacks/web1")));
        assertTrue(kitt(standInPath(), "stack", "list").output().contains("no stacks"));
    }

    @Test
    @DisplayName("a failing docker compose up is one line naming the stack and exit 1, after docker's own output")
    void failingUp() throws Exception {
        Files.createFile(bin.resolve("fail-up"));
        Result r = kitt(standInPath(), "stack", "start", "web1");
        assertEquals(1, r.exit());
        assertTrue(r.output().contains("pull access denied"), r.output());
        assertTrue(r.output().strip().endsWith("kitt: docker compose up failed for stack web1 (exit 18)"), r.output());
    }

    @Test
    @DisplayName("start, stop and remove of an unknown stack, or a bad name, exit 1 with one line and call no docker")
    void unknownStack() throws Exception {
        for (String verb : List.of("start", "stop", "remove")) {
            Result r = kitt(standInPath(), "stack", verb, "nope");
            assertEquals(1, r.exit(), r.output());
            assertEquals("kitt: no stack named 'nope' under " + home.resolve("stacks") + " (stacks: web1)", r.output().strip());
        }
        Result bad = kitt(standInPath(), "stack", "start", "../web1");
        assertEquals(1, bad.exit());
        assertTrue(bad.output().strip().startsWith("kitt: bad stack name '../web1'"), bad.output());
        assertEquals(List.of(), calls());
    }

    @Test
    @DisplayName("with the real docker CLI and no daemon, start says the daemon is not running, in one line, exit 1")
    void noDaemon() throws Exception {
        Path real = Executables.onSystemPath("docker").orElse(null);
        assumeTrue(real != null, "the docker CLI is installed on the development machines");
        // A socket path where nothing listens: no daemon, whatever this machine has.
        Result r = kitt(Map.of("PATH", real.getParent() + ":/usr/bin:/bin",
                "DOCKER_HOST", "unix://" + home.resolve("no-daemon.sock")), "stack", "start", "web1");
        assertEquals(1, r.exit(), r.output());
        assertEquals(1, r.output().strip().lines().count(), r.output());
        assertTrue(r.output().startsWith("kitt: the Docker daemon is not running or not reachable ("), r.output());
    }

    @Test
    @DisplayName("without docker on PATH, start says docker is not installed, and remove still deletes the files")
    void noDocker() throws Exception {
        Map<String, String> empty = Map.of("PATH", home.resolve("empty-bin").toString());
        Result r = kitt(empty, "stack", "start", "web1");
        assertEquals(1, r.exit());
        assertEquals("kitt: docker is not installed (no docker on PATH): install Docker to run stacks", r.output().strip());
        Result removed = kitt(empty, "stack", "remove", "web1");
        assertEquals(0, removed.exit(), removed.output());
        assertFalse(Files.exists(home.resolve("stacks/web1")));
    }
}
