package dev.kitt.hardware;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool as a child process with a timeout and returns its standard output.
 * The tool is looked up in an injected search path rather than the JVM's PATH, so tests can put
 * stand-in scripts first (or leave a tool out entirely). Any failure (tool missing, non-zero exit,
 * timeout, I/O error) is an empty result: a probe turns that into "unknown", never an exception.
 * Blocking: call it from a worker thread.
 */
public final class CommandRunner {
    private final List<Path> searchPath;
    private final Duration timeout;

    public CommandRunner(List<Path> searchPath, Duration timeout) {
        this.searchPath = List.copyOf(searchPath);
        this.timeout = timeout;
    }

    /** The JVM's PATH plus the sbin directories, where mount helpers and dmidecode usually live. */
    public static CommandRunner system(Duration timeout) {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        for (String d : List.of("/usr/local/sbin", "/usr/sbin", "/sbin")) {
            dirs.add(Path.of(d));
        }
        return new CommandRunner(dirs, timeout);
    }

    public List<Path> searchPath() {
        return searchPath;
    }

    /** The same search path with a different timeout (the sampler wants a shorter one). */
    public CommandRunner withTimeout(Duration newTimeout) {
        return new CommandRunner(searchPath, newTimeout);
    }

    /** Where {@code tool} would be run from, if it is on the search path and executable. */
    public Optional<Path> locate(String tool) {
        for (Path dir : searchPath) {
            Path candidate = dir.resolve(tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Standard output of a successful run, or empty if the tool is missing, fails or times out. */
    public Optional<String> run(String tool, String... args) {
        Optional<Path> exe = locate(tool);
        if (exe.isEmpty()) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(exe.get().toString());
        command.addAll(List.of(args));
        Path out = null;
        Process process = null;
        try {
            // Output goes to a file, not a pipe: a tool that hangs cannot block us on a read,
            // and one that writes a lot cannot stall on a full pipe buffer.
            out = Files.createTempFile("kitt-cmd", ".out");
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().put("PATH", joinedPath());
            // Tools such as lscpu and nvidia-smi translate labels; we parse the English ones.
            pb.environment().put("LC_ALL", "C");
            process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (process != null) {
                process.destroyForcibly();
            }
            return Optional.empty();
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException ignored) {
                    // A leftover temp file is harmless; the probe result matters more.
                }
            }
        }
    }

    private String joinedPath() {
        List<String> parts = new ArrayList<>();
        for (Path p : searchPath) {
            parts.add(p.toString());
        }
        return String.join(File.pathSeparator, parts);
    }
}
