package dev.kitt.cli;

import dev.kitt.testing.CliRun;
import dev.kitt.testing.Poll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `kitt campaign run --resume` without --server against a campaign shown as running: refused while
 * the process running it lives (a real child `kitt campaign run`), resumed once it was SIGKILLed.
 */
class CampaignLocalResumeTest {
    @TempDir
    Path home;

    private static final String CAMPAIGN = """
            campaign_name: local-long
            models:
              - name: tiny-a
                gguf_repo: org/tiny-a-GGUF
              - name: tiny-b
                gguf_repo: org/tiny-b-GGUF
              - name: tiny-c
                gguf_repo: org/tiny-c-GGUF
              - name: tiny-d
                gguf_repo: org/tiny-d-GGUF
            engines:
              - name: sim
                suite: standard
            """;

    @Test
    @DisplayName("--resume refuses a local campaign whose process still runs it, and resumes it once that process was killed")
    void resumeOnlyWhenTheOwnerIsGone() throws IOException, InterruptedException {
        Path file = home.resolve("long.yaml");
        Files.writeString(file, CAMPAIGN);
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml", "-cp", System.getProperty("java.class.path"), "dev.kitt.Main",
                "campaign", "run", file.toString(), "--home", home.toString()))
                .redirectErrorStream(true).redirectOutput(home.resolve("child.out").toFile()).start();
        try {
            String owner = "pid " + child.pid() + " on ";
            Path lock = Poll.until(Duration.ofSeconds(60), () -> lockFile(), p -> p != null && read(p).startsWith(owner),
                    "the child to take its campaign's run lock; its output: " + read(home.resolve("child.out")));
            assertTrue(child.isAlive(), read(home.resolve("child.out")));

            CliRun refused = CliRun.of("campaign", "run", file.toString(), "--resume", "--home", home.toString());
            assertEquals(1, refused.exitCode(), refused.out() + refused.err());
            assertTrue(refused.err().contains("is still running in another process (" + owner), refused.err());
            assertEquals(1, refused.err().strip().lines().count(), "one line: " + refused.err());
            assertTrue(child.isAlive(), "the refused resume left the running campaign alone");

            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            assertTrue(CliRun.of("campaign", "list", "--home", home.toString()).out().contains("running"),
                    "the killed campaign is still shown as running");

            // The same campaign with a 1-second timeout, so the resumed runs end quickly (as failed).
            Files.writeString(file, CAMPAIGN + "timeout_seconds: 1\n");
            CliRun resumed = CliRun.of("campaign", "run", file.toString(), "--resume", "--home", home.toString());
            assertTrue(resumed.out().contains("run(s) to do"), resumed.out() + resumed.err());
            assertTrue(resumed.out().contains("4 planned:"), resumed.out());
            assertTrue(read(lock).startsWith("pid " + ProcessHandle.current().pid() + " on "),
                    "the resuming process took the lock over: " + read(lock));
            assertTrue(!CliRun.of("campaign", "list", "--home", home.toString()).out().contains("running"),
                    "the resumed campaign ended");
        } finally {
            child.destroyForcibly();
        }
    }

    private Path lockFile() {
        Path dir = home.resolve("campaigns");
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var ids = Files.list(dir)) {
            return ids.map(d -> d.resolve("run.lock")).filter(Files::exists).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
