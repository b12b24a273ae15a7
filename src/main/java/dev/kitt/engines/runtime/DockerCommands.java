package dev.kitt.engines.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The exact docker command lines KITT runs, in one place so tests can assert them. */
public final class DockerCommands {
    private DockerCommands() {
    }

    public static List<String> imageInspect(String image) {
        return List.of("docker", "image", "inspect", "--format", "{{.Id}}", image);
    }

    public static List<String> pull(String image) {
        return List.of("docker", "pull", image);
    }

    /** docker run -d --name N --network host --gpus all [-v DIR:/models] [-e K=V].. IMAGE ARGS.. */
    public static List<String> run(String name, String image, String modelMountSource, Map<String, String> env,
                                   List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("docker", "run", "-d", "--name", name, "--network", "host",
                "--gpus", "all"));
        if (modelMountSource != null) {
            cmd.addAll(List.of("-v", modelMountSource + ":/models"));
        }
        env.forEach((k, v) -> cmd.addAll(List.of("-e", k + "=" + v)));
        cmd.add(image);
        cmd.addAll(args);
        return cmd;
    }

    public static List<String> logs(String name) {
        return List.of("docker", "logs", "-f", name);
    }

    public static List<String> stop(String name) {
        return List.of("docker", "stop", name);
    }

    public static List<String> rm(String name) {
        return List.of("docker", "rm", name);
    }

    /** Only when `docker stop` failed and the container may still be running. */
    public static List<String> forceRm(String name) {
        return List.of("docker", "rm", "-f", name);
    }

    /** Where a local model is mounted from, and how the engine inside the container refers to it. */
    public record ModelMount(String source, String containerRef) {
        public static ModelMount of(String model) {
            Path p = Path.of(model).toAbsolutePath();
            if (Files.isRegularFile(p)) {
                return new ModelMount(p.getParent().toString(), "/models/" + p.getFileName());
            }
            if (Files.isDirectory(p)) {
                return new ModelMount(p.toString(), "/models");
            }
            return new ModelMount(null, model); // a name the engine resolves itself (Ollama tags)
        }
    }
}
