package dev.kitt.cli;

import dev.kitt.hardware.HardwareFixtures;
import dev.kitt.hardware.Host;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
class AgentPreflightCommandTest {
    @TempDir
    Path tmp;

    private int serverPort;

    /** The far peer: a real HTTP server on loopback answering the KITT health route. */
    @BeforeEach
    void startServer(Vertx vertx, VertxTestContext ctx) {
        vertx.createHttpServer()
                .requestHandler(req -> {
                    if (req.path().equals("/api/v1/health")) {
                        req.response().putHeader("content-type", "application/json").end("{\"status\":\"ok\"}");
                    } else {
                        req.response().setStatusCode(404).end();
                    }
                })
                .listen(0, "127.0.0.1")
                .onComplete(ctx.succeeding(server -> {
                    serverPort = server.actualPort();
                    ctx.completeNow();
                }));
    }

    /** A host whose docker, nvidia-smi and mount.nfs are stand-ins for a healthy GPU box. */
    private Host healthyHost() {
        return HardwareFixtures.host(tmp, "a6000", HardwareFixtures.path(
                HardwareFixtures.bin(tmp, "tools"), HardwareFixtures.bin(tmp, "a6000")));
    }

    private record Run(int exit, String out) {
    }

    private Run run(Host host, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new AgentPreflightCommand(host));
        cl.setOut(new PrintWriter(out));
        int exit = cl.execute(args);
        return new Run(exit, out.toString());
    }

    private List<String> args(String server, String... more) throws IOException {
        List<String> list = new ArrayList<>(List.of("--server", server, "--model-dir", tmp.resolve("models").toString(),
                "--min-free-gb", "0", "--agent-port", String.valueOf(freePort())));
        list.addAll(List.of(more));
        return list;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    @DisplayName("On a healthy host with the server answering, every check passes and the exit code is 0")
    void passesWithServerUp() throws IOException {
        Run run = run(healthyHost(), args("http://127.0.0.1:" + serverPort).toArray(String[]::new));

        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("Preflight passed."), run.out());
        assertTrue(run.out().contains("GET http://127.0.0.1:" + serverPort + "/api/v1/health → 200"), run.out());
        assertTrue(run.out().contains("2 GPU(s): NVIDIA RTX A6000"), run.out());
        assertFalse(run.out().contains("FAIL"), run.out());
    }

    @Test
    @DisplayName("With --json the checks come out as a JSON document naming each check and its level")
    void jsonOutput() throws IOException {
        Run run = run(healthyHost(), args("http://127.0.0.1:" + serverPort + "/", "--json").toArray(String[]::new));

        JsonObject json = new JsonObject(run.out());
        assertTrue(json.getBoolean("passed"));
        List<String> names = json.getJsonArray("checks").stream()
                .map(o -> ((JsonObject) o).getString("name")).toList();
        assertEquals(List.of("java", "docker CLI", "docker daemon", "docker GPU access", "nvidia-smi",
                "NFS utilities", "model dir free space", "server reachable", "agent port free"), names);
        JsonObject gpuAccess = json.getJsonArray("checks").getJsonObject(3);
        assertFalse(gpuAccess.getBoolean("required"));
        assertTrue(gpuAccess.getBoolean("passed"));
    }

    @Test
    @DisplayName("A server port nobody listens on fails the required server check and exits 1")
    void closedPortFails() throws IOException {
        Run run = run(healthyHost(), args("http://127.0.0.1:" + freePort()).toArray(String[]::new));

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("server reachable") && l.contains("FAIL")), run.out());
        assertTrue(run.out().contains("Preflight failed: 1 required check(s) failed."), run.out());
    }

    @Test
    @DisplayName("Without docker on the PATH the docker checks fail, the GPU and NFS checks only warn, and the exit code is 1")
    void missingToolsFail() throws IOException {
        Host bare = HardwareFixtures.host(tmp, null, HardwareFixtures.path(HardwareFixtures.emptyBin(tmp)));
        Run run = run(bare, args("http://127.0.0.1:" + serverPort).toArray(String[]::new));

        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("docker CLI") && l.contains("FAIL")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("nvidia-smi") && l.contains("warn")), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("NFS utilities") && l.contains("warn")), run.out());
        assertTrue(run.out().contains("Preflight failed: 2 required check(s) failed."), run.out());
    }

    @Test
    @DisplayName("A model dir with less free space than asked for, and an agent port in use, both fail")
    void diskAndPortFail() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run run = run(healthyHost(), "--server", "http://127.0.0.1:" + serverPort,
                    "--model-dir", tmp.toString(), "--min-free-gb", "100000000",
                    "--agent-port", String.valueOf(taken.getLocalPort()));

            assertEquals(1, run.exit(), run.out());
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("model dir free space") && l.contains("FAIL")), run.out());
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith("agent port free") && l.contains("FAIL")), run.out());
        }
    }
}
