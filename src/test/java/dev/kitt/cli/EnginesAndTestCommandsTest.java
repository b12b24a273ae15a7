package dev.kitt.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnginesAndTestCommandsTest {
    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream saved;

    @BeforeEach
    void captureStdout() {
        saved = System.out;
        System.setOut(new PrintStream(out, true));
        System.setProperty("kitt.home", home.toString());
    }

    @AfterEach
    void restoreStdout() {
        System.setOut(saved);
    }

    @Test
    @DisplayName("kitt engines list shows all six engines with image, port and formats")
    void list() {
        assertEquals(0, KittCommand.commandLine().execute("engines", "list"));
        String s = out.toString();
        for (String e : new String[]{"vllm", "llama_cpp", "ollama", "exllamav2", "mlx", "sim"}) {
            assertTrue(s.contains("\n" + e + " "), s);
        }
        assertTrue(s.contains("ghcr.io/ggerganov/llama.cpp:server") && s.contains("11434") && s.contains("(native only)"));
    }

    @Test
    @DisplayName("kitt engines setup --dry-run prints the docker pull commands without running them")
    void setupDryRun() {
        assertEquals(0, KittCommand.commandLine().execute("engines", "setup", "--dry-run"));
        assertTrue(out.toString().contains("docker pull vllm/vllm-openai:latest\n"));
        assertTrue(out.toString().contains("# mlx: no image to pull"));
    }

    @Test
    @DisplayName("kitt engines profiles list and show read the built-in profiles")
    void profiles() {
        assertEquals(0, KittCommand.commandLine().execute("engines", "profiles", "list", "-e", "vllm"));
        assertTrue(out.toString().contains("vllm-fp8-kv"));
        assertEquals(0, KittCommand.commandLine().execute("engines", "profiles", "show", "llama-cpp-full-offload"));
        assertTrue(out.toString().contains("\"-ngl\""));
    }

    @Test
    @DisplayName("kitt engines status and check report each engine and whether docker is usable")
    void statusAndCheck() {
        assertEquals(0, KittCommand.commandLine().execute("engines", "status"));
        assertTrue(out.toString().contains("llama-server"));
        assertEquals(0, KittCommand.commandLine().execute("engines", "check"));
        assertTrue(out.toString().contains("profiles: ok"));
    }

    @Test
    @DisplayName("kitt test new writes a custom benchmark template that kitt run can use straight away")
    void testNew() throws IOException {
        assertEquals(0, KittCommand.commandLine().execute("test", "new", "long_prompts"));
        Path file = home.resolve("benchmarks/long_prompts.yaml");
        assertTrue(Files.readString(file).contains("base: throughput"));
        Files.writeString(file, Files.readString(file).replace("requests: 32", "requests: 4").replace("max_tokens: 128", "max_tokens: 4"));
        assertEquals(0, KittCommand.commandLine().execute("run", "-m", "m", "-e", "sim", "-b", "long_prompts",
                "-o", home.resolve("out").toString()));
        assertTrue(Files.readString(home.resolve("out/metrics.json")).contains("\"test_name\" : \"long_prompts\""));
        assertEquals(1, KittCommand.commandLine().execute("test", "new", "long_prompts"), "refuses to overwrite");
    }
}
