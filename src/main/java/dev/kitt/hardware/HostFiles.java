package dev.kitt.hardware;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads host files such as /proc/cpuinfo or /sys/block/x/queue/rotational below a root
 * directory: "/" on a real host, a fixture tree in tests. Unreadable means empty, never an
 * exception, because /proc and /sys differ between kernels, containers and operating systems.
 */
public final class HostFiles {
    private final Path root;

    public HostFiles(Path root) {
        this.root = root;
    }

    public static HostFiles system() {
        return new HostFiles(Path.of("/"));
    }

    /** The real location of an absolute host path such as "/proc/meminfo". */
    public Path resolve(String absolutePath) {
        return root.resolve(absolutePath.startsWith("/") ? absolutePath.substring(1) : absolutePath);
    }

    public Optional<String> read(String absolutePath) {
        try {
            return Optional.of(Files.readString(resolve(absolutePath), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first line, trimmed: /sys attribute files hold one value. */
    public Optional<String> readLine(String absolutePath) {
        return read(absolutePath).map(String::strip).filter(s -> !s.isEmpty());
    }

    public boolean exists(String absolutePath) {
        return Files.exists(resolve(absolutePath));
    }

    /** Names of the entries in a directory, sorted; empty if it cannot be listed. */
    public List<String> list(String absolutePath) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(resolve(absolutePath))) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }
}
