package dev.kitt.stack;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The stacks under KITT_HOME/stacks: each a directory holding stack.json and its compose files. */
public final class Stacks {
    static final String MANIFEST = "stack.json";
    public static final String COMPOSE_FILE = "docker-compose.yaml";

    /** What `kitt stack list` shows of one stack. */
    public record Entry(String name, List<String> services, String created, Path dir, String caFingerprint) {
    }

    private final Path root;

    public Stacks(Path kittHome) {
        this.root = kittHome.resolve("stacks");
    }

    public Path root() {
        return root;
    }

    /** The directory a stack of this name lives in (whether or not it exists); rejects bad names. */
    public Path dir(String name) {
        return root.resolve(StackOptions.checkName(name));
    }

    /** An existing stack, or a clear error naming the stacks there are. */
    public Entry find(String name) {
        Path dir = dir(name);
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            List<String> names = list().stream().map(Entry::name).toList();
            throw new StackException("no stack named '" + name + "' under " + root
                    + (names.isEmpty() ? " (there are none: kitt stack generate NAME)" : " (stacks: " + String.join(", ", names) + ")"));
        }
        return read(dir);
    }

    public List<Entry> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                if (Files.isRegularFile(d.resolve(MANIFEST))) {
                    entries.add(read(d));
                }
            }
        } catch (IOException e) {
            throw new StackException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** Deletes a stack's directory and everything in it. */
    public void delete(Entry stack) {
        try (Stream<Path> all = Files.walk(stack.dir())) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new StackException("cannot remove " + stack.dir() + ": " + e.getMessage(), e);
        }
    }

    private static Entry read(Path dir) {
        try {
            JsonObject m = new JsonObject(Files.readString(dir.resolve(MANIFEST)));
            List<String> services = m.getJsonArray("services").stream().map(String::valueOf).toList();
            return new Entry(m.getString("name"), services, m.getString("created"), dir, m.getString("ca_fingerprint"));
        } catch (IOException | RuntimeException e) {
            throw new StackException("cannot read " + dir.resolve(MANIFEST) + ": " + e.getMessage(), e);
        }
    }
}
