package dev.kitt.hardware;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandRunnerTest {
    @TempDir
    Path bin;

    private void script(String name, String body) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        p.toFile().setExecutable(true);
    }

    @Test
    @DisplayName("A tool on the injected path runs and its standard output comes back")
    void runsToolFromInjectedPath() throws IOException {
        script("hello", "echo \"hello $1\"");
        assertEquals(Optional.of("hello kitt\n"), new CommandRunner(List.of(bin), Duration.ofSeconds(5)).run("hello", "kitt"));
    }

    @Test
    @DisplayName("A missing tool, a failing tool and a tool that hangs past the timeout all give an empty result")
    void failuresAreEmpty() throws IOException {
        script("fails", "echo partial; exit 3");
        script("hangs", "exec /bin/sleep 30");
        CommandRunner runner = new CommandRunner(List.of(bin), Duration.ofMillis(300));

        assertTrue(runner.run("absent").isEmpty());
        assertTrue(runner.run("fails").isEmpty());
        long start = System.nanoTime();
        assertTrue(runner.run("hangs").isEmpty());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10, "the timeout was not applied");
    }
}
