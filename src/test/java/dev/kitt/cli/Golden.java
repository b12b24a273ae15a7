package dev.kitt.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Compares text with a golden file under src/test/resources/ci/golden. Run the build with
 * {@code -Dkitt.golden.update=true} to rewrite them after an intended change, then review the diff.
 */
final class Golden {
    private static final Path SOURCE_DIR = Path.of("src", "test", "resources", "ci", "golden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) {
        Path source = SOURCE_DIR.resolve(name);
        try {
            if (Boolean.getBoolean("kitt.golden.update")) {
                Files.createDirectories(SOURCE_DIR);
                Files.writeString(source, actual);
                return;
            }
            assertEquals(Files.readString(source), actual, "report differs from golden file " + source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use golden file " + source, e);
        }
    }
}
