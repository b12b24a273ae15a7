package dev.kitt.util;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a program on a PATH string. The JDK resolves a child's executable against the parent's
 * PATH, not the PATH handed to the child, so we resolve it ourselves to honour a given PATH.
 */
public final class Executables {
    private Executables() {
    }

    public static Optional<Path> find(String program, String pathVariable) {
        if (program.contains(File.separator)) {
            Path p = Path.of(program);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Optional<Path> onSystemPath(String program) {
        return find(program, System.getenv("PATH"));
    }
}
