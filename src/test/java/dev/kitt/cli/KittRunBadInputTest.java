package dev.kitt.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class KittRunBadInputTest {
    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    private int kitt(String... args) {
        System.setProperty("kitt.home", dir.resolve("home").toString());
        CommandLine cl = KittCommand.commandLine((vertx, home) -> m -> Future.succeededFuture("id"));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String errorLine() {
        return err.toString().strip();
    }

    @Test
    @DisplayName("An unknown engine stops the run with exit 1 and one line naming the known engines")
    void unknownEngine() {
        assertEquals(1, kitt("run", "-m", "x", "-e", "tensorrt", "-o", dir.resolve("o").toString()));
        assertEquals("kitt: unknown engine 'tensorrt' (known: vllm, llama_cpp, ollama, exllamav2, mlx, sim)", errorLine());
    }

    @Test
    @DisplayName("An unknown suite or benchmark stops the run with exit 1 and a one-line message")
    void unknownSuiteAndBenchmark() {
        assertEquals(1, kitt("run", "-m", "x", "-e", "sim", "-s", "nightly", "-o", dir.resolve("o").toString()));
        assertEquals("kitt: unknown suite 'nightly' (built in: quick, standard, performance)", errorLine());
        err.getBuffer().setLength(0);
        assertEquals(1, kitt("run", "-m", "x", "-e", "sim", "-b", "speed", "-o", dir.resolve("o").toString()));
        assertTrue(errorLine().startsWith("kitt: unknown benchmark 'speed' (known: throughput,"), errorLine());
    }

    @Test
    @DisplayName("A missing model path, or a GGUF file on vLLM, is rejected before any engine starts")
    void badModels() throws IOException {
        assertEquals(1, kitt("run", "-m", dir.resolve("nope").toString(), "-e", "vllm", "--mode", "docker"));
        assertEquals("kitt: model path not found: " + dir.resolve("nope"), errorLine());
        err.getBuffer().setLength(0);
        Path gguf = Files.writeString(dir.resolve("qwen.Q4_K_M.gguf"), "GGUF");
        assertEquals(1, kitt("run", "-m", gguf.toString(), "-e", "vllm", "--mode", "docker"));
        assertEquals("kitt: engine vllm cannot load gguf model " + gguf + "; it supports: safetensors", errorLine());
    }

    @Test
    @DisplayName("An unreachable endpoint fails the run with exit 1 and says which URL")
    void unreachableEndpoint() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        assertEquals(1, kitt("run", "-m", "m", "-e", "vllm", "--mode", "endpoint", "--endpoint", url, "-o", dir.resolve("o").toString()));
        assertTrue(errorLine().startsWith("kitt: endpoint " + url + " unreachable"), errorLine());
    }

    @Test
    @DisplayName("An engine sending malformed SSE fails the benchmark and the results are marked partial")
    void malformedSse(Vertx vertx) throws Exception {
        JsonObject m = runAgainst(vertx, BadEngineServer.Fault.MALFORMED_SSE);
        assertTrue(m.getJsonArray("results").getJsonObject(0).getJsonArray("errors").getString(0)
                .startsWith("malformed stream: SSE data is not JSON"), m.encodePrettily());
    }

    @Test
    @DisplayName("An engine dropping the connection mid-stream fails the benchmark and the results are marked partial")
    void droppedConnection(Vertx vertx) throws Exception {
        JsonObject m = runAgainst(vertx, BadEngineServer.Fault.DROP_MID_STREAM);
        String e = m.getJsonArray("results").getJsonObject(0).getJsonArray("errors").getString(0);
        assertTrue(e.startsWith("connection lost mid-stream after 3 tokens") || e.startsWith("stream ended without its end marker after 3 tokens"), e);
        assertEquals(2, m.getJsonArray("results").getJsonObject(0).getJsonObject("details").getInteger("partial_streams"));
    }

    private JsonObject runAgainst(Vertx vertx, BadEngineServer.Fault fault) throws Exception {
        HttpServer server = BadEngineServer.start(vertx, fault).toCompletionStage().toCompletableFuture().join();
        Path out = dir.resolve("bad");
        int exit = kitt("run", "-m", "m", "-e", "vllm", "--mode", "endpoint", "--endpoint",
                "http://127.0.0.1:" + server.actualPort(), "-b", "streaming_latency", "-o", out.toString(),
                "--set", "*.requests=2", "--set", "*.warmup_requests=0");
        assertEquals(1, exit);
        assertTrue(errorLine().contains("1 of 1 benchmarks failed"), errorLine());
        JsonObject m = new JsonObject(Files.readString(out.resolve("metrics.json")));
        assertFalse(m.getBoolean("passed"));
        assertTrue(m.getBoolean("partial"));
        assertTrue(m.getJsonArray("results").getJsonObject(0).getJsonObject("details").getBoolean("partial"));
        return m;
    }
}
