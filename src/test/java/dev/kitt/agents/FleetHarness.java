package dev.kitt.agents;

import dev.kitt.agent.AgentDaemon;
import dev.kitt.agent.AgentOptions;
import dev.kitt.cli.Await;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Helpers for fleet tests: enrol agents through the real CLI, run real daemons in-process, poll with deadlines. */
final class FleetHarness {
    private FleetHarness() {
    }

    static String enrollmentToken(TestServer server) {
        HttpResponse<Buffer> res = server.post("/api/v1/enrollment-tokens", "{\"name\":\"test\",\"ttl_minutes\":5}");
        if (res.statusCode() != 201) {
            throw new IllegalStateException(res.bodyAsString());
        }
        return res.bodyAsJsonObject().getString("token");
    }

    /** `kitt agent init` against the server; returns the agent id from the written agent.yaml. */
    static String enroll(TestServer server, Path home, String name) {
        CliRun run = CliRun.of("agent", "init", "--home", home.toString(), "--server", "http://127.0.0.1:" + server.port(),
                "--enroll-token", enrollmentToken(server), "--name", name);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("init failed: " + run.err() + run.out());
        }
        return dev.kitt.agent.AgentConfig.load(home).agentId();
    }

    static String token(Path home) {
        return dev.kitt.agent.AgentConfig.load(home).token();
    }

    /** A real daemon in its own Vert.x, as on a GPU host. */
    static final class Agent implements AutoCloseable {
        final Vertx vertx = Vertx.vertx();
        final AgentDaemon daemon;
        final Path home;

        Agent(Path home, List<String> runTestCommand) {
            this.home = home;
            this.daemon = new AgentDaemon(new AgentOptions(home, true, 50, 400, runTestCommand));
            Await.result(vertx.deployVerticle(daemon));
        }

        @Override
        public void close() {
            Await.result(vertx.close());
        }
    }

    /** The stand-in benchmark script with a gate file (created by the test to let it finish) and a run counter. */
    static List<String> standInCommand(Path gate, Path counter) throws Exception {
        Path script = Path.of("src/test/resources/agents/standin-bench.sh").toAbsolutePath();
        return List.of("/bin/sh", script.toString(), "{output}", "{model}", "{engine}", gate.toString(), counter.toString());
    }

    static void await(String what, Duration timeout, Supplier<Boolean> condition) {
        await(what, timeout, condition, null);
    }

    static void await(String what, Duration timeout, Supplier<Boolean> condition, Supplier<Object> debug) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + (debug == null ? "" : ": " + debug.get()));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20); // polling interval, not a wait for an event
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static JsonObject command(TestServer server, String id) {
        return server.get("/api/v1/commands/" + id).bodyAsJsonObject();
    }

    static String submit(TestServer server, String agentId, String body) {
        HttpResponse<Buffer> res = server.post("/api/v1/agents/" + agentId + "/commands", body);
        if (res.statusCode() != 202) {
            throw new IllegalStateException(res.statusCode() + " " + res.bodyAsString());
        }
        return res.bodyAsJsonObject().getString("id");
    }

    static int lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f).size() : 0;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A raw protocol client for bad-input tests: every frame the server sends lands in {@code frames}. */
    static final class RawSocket implements AutoCloseable {
        final Vertx vertx = Vertx.vertx();
        final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
        volatile Short closeCode;
        final WebSocket ws;

        RawSocket(int port, String token) {
            WebSocketClient client = vertx.createWebSocketClient();
            ws = Await.result(client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                    .setURI("/api/v1/agents/connect").addHeader("Authorization", "Bearer " + token)));
            ws.textMessageHandler(t -> frames.add(new JsonObject(t)));
            ws.closeHandler(v -> closeCode = ws.closeStatusCode() == null ? -1 : ws.closeStatusCode());
        }

        void send(String text) {
            ws.writeTextMessage(text);
        }

        JsonObject next(String type) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    JsonObject f = frames.poll(100, TimeUnit.MILLISECONDS);
                    if (f != null && type.equals(f.getString("type"))) {
                        return f;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("no '" + type + "' frame arrived");
        }

        @Override
        public void close() {
            Await.result(vertx.close());
        }
    }
}
