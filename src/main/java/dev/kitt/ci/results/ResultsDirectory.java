package dev.kitt.ci.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the runs in a results directory. A directory holding metrics.json is one run; otherwise
 * every subdirectory (a few levels deep, as artifact downloads nest them) holding one is a run.
 * Runs are sorted by path so reports do not depend on the file system's listing order.
 */
public final class ResultsDirectory {
    public static final String METRICS_FILE = "metrics.json";
    private static final int MAX_DEPTH = 4;

    private ResultsDirectory() {
    }

    public static ResultSet load(Path dir) {
        if (!Files.exists(dir)) {
            throw new ResultsException("results directory not found: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new ResultsException("not a directory: " + dir);
        }
        List<Path> runDirs = runDirectories(dir);
        if (runDirs.isEmpty()) {
            throw new ResultsException("no " + METRICS_FILE + " in " + dir + " or its subdirectories");
        }
        List<RunResult> runs = new ArrayList<>();
        for (Path runDir : runDirs) {
            runs.add(RunResultParser.parse(runDir));
        }
        return new ResultSet(dir, runs);
    }

    private static List<Path> runDirectories(Path dir) {
        if (Files.isRegularFile(dir.resolve(METRICS_FILE))) {
            return List.of(dir);
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, MAX_DEPTH)) {
            files.filter(p -> p.getFileName().toString().equals(METRICS_FILE) && Files.isRegularFile(p))
                    .map(Path::getParent)
                    .sorted()
                    // A run directory's own subfolders (e.g. raw samples) are part of that run.
                    .forEach(p -> {
                        if (found.stream().noneMatch(p::startsWith)) {
                            found.add(p);
                        }
                    });
        } catch (IOException e) {
            throw new ResultsException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        return found;
    }
}
