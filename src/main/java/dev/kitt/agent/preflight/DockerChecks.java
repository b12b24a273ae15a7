package dev.kitt.agent.preflight;

import dev.kitt.hardware.CommandRunner;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Docker, through its CLI as the engine runtime uses it: the CLI is installed, the daemon
 * answers, and the daemon has the NVIDIA runtime that `--gpus all` needs.
 */
final class DockerChecks {
    private final CommandRunner commands;

    DockerChecks(CommandRunner commands) {
        this.commands = commands;
    }

    List<PreflightCheck> run() {
        Optional<String> version = commands.run("docker", "--version").map(String::strip);
        if (version.isEmpty()) {
            String why = "docker CLI not found on PATH";
            return List.of(
                    PreflightCheck.required("docker CLI", false, why),
                    PreflightCheck.required("docker daemon", false, why),
                    PreflightCheck.advisory("docker GPU access", false, why));
        }
        PreflightCheck cli = PreflightCheck.required("docker CLI", true, version.get());
        // `docker info` exits non-zero when the daemon is down or the socket is not ours to use.
        Optional<String> server = commands.run("docker", "info", "--format", "{{.ServerVersion}}").map(String::strip);
        if (server.isEmpty() || server.get().isEmpty()) {
            String why = "docker info failed: daemon not running, or this user may not use its socket";
            return List.of(cli,
                    PreflightCheck.required("docker daemon", false, why),
                    PreflightCheck.advisory("docker GPU access", false, "daemon unreachable"));
        }
        PreflightCheck daemon = PreflightCheck.required("docker daemon", true, "server " + server.get());
        String runtimes = commands.run("docker", "info", "--format", "{{json .Runtimes}}").orElse("");
        boolean nvidia = runtimes.toLowerCase(Locale.ROOT).contains("nvidia");
        PreflightCheck gpu = PreflightCheck.advisory("docker GPU access", nvidia, nvidia
                ? "nvidia runtime registered"
                : "no nvidia runtime in docker info; install nvidia-container-toolkit for --gpus");
        return List.of(cli, daemon, gpu);
    }
}
