package dev.kitt.engines.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Installs the stand-in `docker` script in a temp dir and builds the child environment that finds it first. */
final class FakeDocker {
    final Path bin;
    final Path log;
    final Path state;

    FakeDocker(Path dir) throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        state = Files.createDirectories(dir.resolve("state"));
        log = dir.resolve("docker.log");
        try (InputStream in = FakeDocker.class.getResourceAsStream("/fake-docker/docker")) {
            Files.copy(in, bin.resolve("docker"));
        }
        // Maven copies test resources without the executable bit.
        bin.resolve("docker").toFile().setExecutable(true);
    }

    Map<String, String> env(boolean unhealthy) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("FAKE_DOCKER_LOG", log.toString());
        env.put("FAKE_DOCKER_STATE", state.toString());
        env.put("KITT_TEST_CLASSPATH", System.getProperty("java.class.path"));
        if (unhealthy) {
            env.put("FAKE_DOCKER_UNHEALTHY", "1");
        }
        return env;
    }

    void havePulled(String image) throws IOException {
        Files.createDirectories(state.resolve("images"));
        Files.writeString(state.resolve("images").resolve(image.replace('/', '_').replace(':', '_')), "");
    }

    List<String> invocations() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
