package dev.kitt.cluster;

import dev.kitt.agent.AgentDaemon;
import dev.kitt.agent.AgentOptions;
import dev.kitt.cli.Await;
import dev.kitt.testing.CliRun;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers for cluster tests: free loopback ports for members, enrolment through the real CLI, a real agent daemon. */
final class ClusterHarness {
    static final String PASSWORD = dev.kitt.testing.TestServer.ADMIN_PASSWORD;

    private ClusterHarness() {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String members(List<Integer> ports) {
        return ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** A plain HTTP client for one node, logged in as admin through that node. */
    static final class Api implements AutoCloseable {
        private final Vertx vertx = Vertx.vertx();
        final WebClient client;
        final int port;
        final String token;

        Api(int port) {
            this.port = port;
            this.client = WebClient.create(vertx);
            this.token = Await.result(client.post(port, "127.0.0.1", "/api/v1/auth/login")
                    .sendJsonObject(new JsonObject().put("username", "admin").put("password", PASSWORD)))
                    .bodyAsJsonObject().getString("token");
        }

        HttpResponse<Buffer> get(String path) {
            return Await.result(client.get(port, "127.0.0.1", path).bearerTokenAuthentication(token).send());
        }

        HttpResponse<Buffer> post(String path, JsonObject body) {
            return Await.result(client.post(port, "127.0.0.1", path).bearerTokenAuthentication(token).sendJsonObject(body));
        }

        @Override
        public void close() {
            Await.result(vertx.close());
        }
    }

    /** `kitt agent init` against {@code servers} (the first enrols); returns the agent id. */
    static String enroll(Api api, Path home, String name, String servers) {
        String enrollToken = api.post("/api/v1/enrollment-tokens", new JsonObject().put("name", "t").put("ttl_minutes", 5))
                .bodyAsJsonObject().getString("token");
        CliRun run = CliRun.of("agent", "init", "--home", home.toString(), "--server", servers,
                "--enroll-token", enrollToken, "--name", name);
        if (run.exitCode() != 0) {
            throw new IllegalStateException("init failed: " + run.err() + run.out());
        }
        return dev.kitt.agent.AgentConfig.load(home).agentId();
    }

    /** A real daemon in its own Vert.x, as on a GPU host; its runs are the stand-in script behind a gate file. */
    static final class Agent implements AutoCloseable {
        final Vertx vertx = Vertx.vertx();
        final AgentDaemon daemon;

        Agent(Path home, Path gate, Path counter) {
            Path script = Path.of("src/test/resources/agents/standin-bench.sh").toAbsolutePath();
            this.daemon = new AgentDaemon(new AgentOptions(home, true, 50, 400,
                    List.of("/bin/sh", script.toString(), "{output}", "{model}", "{engine}", gate.toString(), counter.toString())));
            Await.result(vertx.deployVerticle(daemon));
        }

        @Override
        public void close() {
            Await.result(vertx.close());
        }
    }
}
