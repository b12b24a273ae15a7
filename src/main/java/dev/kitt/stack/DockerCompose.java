package dev.kitt.stack;

import dev.kitt.util.Executables;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs `docker compose` for a stack as a child process (the docker CLI, never an SDK), after
 * checking that docker is installed, its daemon answers and the compose plugin is there, so
 * each of those failures is one clear line. Blocking: the CLI's own thread.
 */
public final class DockerCompose {
    private static final long PROBE_TIMEOUT_S = 30;

    private final Path docker;

    private DockerCompose(Path docker) {
        this.docker = docker;
    }

    /** The docker CLI on this PATH, with its daemon and compose plugin checked. */
    public static DockerCompose locate(String pathVariable) {
        Path docker = Executables.find("docker", pathVariable)
                .orElseThrow(() -> new StackException("docker is not installed (no docker on PATH): install Docker to run stacks"));
        DockerCompose dc = new DockerCompose(docker);
        Probe daemon = dc.probe(List.of("version", "--format", "{{.Server.Version}}"));
        if (daemon.exit() != 0 || daemon.output().isBlank()) {
            throw new StackException("the Docker daemon is not running or not reachable (" + daemon.firstLine() + ")");
        }
        Probe compose = dc.probe(List.of("compose", "version"));
        if (compose.exit() != 0) {
            throw new StackException("docker compose is not available (" + compose.firstLine()
                    + "): install the Docker Compose plugin");
        }
        return dc;
    }

    /** Runs `docker compose ARGS` for the stack, copying its output line by line as it comes; returns the exit code. */
    public int run(Stacks.Entry stack, List<String> args, PrintStream out) {
        ProcessBuilder pb = new ProcessBuilder(command(stack, args)).redirectErrorStream(true);
        pb.directory(stack.dir().toFile());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.println(line);
                    out.flush();
                }
            }
            return p.waitFor();
        } catch (IOException e) {
            throw new StackException("cannot run " + docker + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while docker compose ran");
        }
    }

    /** Whether any of the stack's containers exist (running or not yet removed). */
    public boolean hasContainers(Stacks.Entry stack) {
        List<String> cmd = new ArrayList<>(command(stack, List.of("ps", "--all", "--quiet")));
        Probe ps = probe(cmd.subList(1, cmd.size()));
        if (ps.exit() != 0) {
            throw new StackException("docker compose ps failed for stack '" + stack.name() + "' (" + ps.firstLine() + ")");
        }
        return !ps.output().isBlank();
    }

    private List<String> command(Stacks.Entry stack, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(docker.toString(), "compose",
                "--project-directory", stack.dir().toString(),
                "-f", stack.dir().resolve(Stacks.COMPOSE_FILE).toString(),
                "--project-name", "kitt-" + stack.name()));
        cmd.addAll(args);
        return cmd;
    }

    private record Probe(int exit, String output) {
        String firstLine() {
            String line = output.strip().lines().findFirst().orElse("no output");
            return line.isBlank() ? "no output" : line;
        }
    }

    private Probe probe(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(docker.toString()));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(PROBE_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Probe(-1, "docker did not answer within " + PROBE_TIMEOUT_S + " s");
            }
            return new Probe(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Probe(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe(-1, "interrupted");
        }
    }
}
