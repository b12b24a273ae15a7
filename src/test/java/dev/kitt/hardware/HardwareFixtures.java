package dev.kitt.hardware;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds fixture hosts for tests: a copy of a /proc, /sys, /etc tree from src/test/resources and
 * a PATH of stand-in tools. Copies are made executable here because Maven's resource copy does
 * not keep the execute bit.
 */
public final class HardwareFixtures {
    private HardwareFixtures() {
    }

    /** A host whose files come from hosts/{tree} (or nothing if null) and whose PATH is {@code path}. */
    public static Host host(Path tmp, String tree, List<Path> path) {
        Path root = tree == null ? mkdirs(tmp.resolve("empty-root")) : copyTree("hardware/hosts/" + tree, tmp.resolve("root-" + tree));
        return new Host(new CommandRunner(path, Duration.ofSeconds(10)), new HostFiles(root), "Linux", "amd64");
    }

    /** A directory holding the stand-in tools of bin/{set} (a6000, gb10, tools), ready to run. */
    public static Path bin(Path tmp, String set) {
        Path dir = copyTree("hardware/bin/" + set, tmp.resolve("bin-" + set));
        if (Files.exists(dir.resolve("nvidia-smi"))) {
            copy(resource("hardware/bin/nvidia-smi.common"), dir.resolve("nvidia-smi.common"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> f.toFile().setExecutable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A directory with nothing in it: a PATH on which no tool is found. */
    public static Path emptyBin(Path tmp) {
        return mkdirs(tmp.resolve("bin-empty"));
    }

    public static List<Path> path(Path... dirs) {
        return new ArrayList<>(List.of(dirs));
    }

    private static Path copyTree(String resourceDir, Path target) {
        Path source = resource(resourceDir);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        URL url = HardwareFixtures.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
