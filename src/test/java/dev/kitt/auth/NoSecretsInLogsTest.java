package dev.kitt.auth;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kitt.agent.AgentConfig;
import dev.kitt.agent.AgentDaemon;
import dev.kitt.agent.AgentOptions;
import dev.kitt.cli.Await;
import dev.kitt.config.KittConfig;
import dev.kitt.testing.CliRun;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.function.Function;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords, JWTs, tokens and private keys never reach a log line, even at DEBUG, whatever the request does. */
class NoSecretsInLogsTest {
    @TempDir
    Path home;
    @TempDir
    Path agentHome;

    /** Captures every log event of this JVM (dev.kitt at DEBUG) while {@code body} runs, then checks none holds a secret. */
    private static void assertNoSecretLogged(Function<ListAppender<ILoggingEvent>, List<String>> body) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger kitt = (Logger) LoggerFactory.getLogger("dev.kitt");
        Level before = kitt.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        kitt.setLevel(Level.DEBUG);
        try {
            List<String> secrets = body.apply(captured);
            assertTrue(captured.list.size() > 0, "the appender sees the server's logs");
            for (ILoggingEvent e : List.copyOf(captured.list)) {
                String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
                for (String secret : secrets) {
                    assertFalse(line.contains(secret), "a secret in the log: " + line);
                }
            }
        } finally {
            root.detachAppender(captured);
            kitt.setLevel(before);
        }
    }

    /** The base64 lines of a PEM private key: any one of them in a log would leak the key. */
    private static List<String> keyLines(Path pem) throws IOException {
        return Files.readAllLines(pem).stream().filter(l -> !l.startsWith("-----") && l.length() > 16).toList();
    }

    @Test
    @DisplayName("enrollment over TLS with agent mutual TLS, an agent connecting, token rotation and revocation log no token, key or password")
    void noSecretsThroughTheFleet() {
        assertNoSecretLogged(captured -> {
            KittConfig cfg = TestServer.config(home, "").withInsecure(false);
            try (TestServer s = TestServer.start(cfg.withSecurity(cfg.security().withAgentMtls(true)),
                    dev.kitt.agents.FleetOptions.fast())) {
                String jwt = s.token();
                String fingerprint = s.server().http().tlsFiles().fingerprint();
                String enrollToken = s.post("/api/v1/enrollment-tokens", "{}").bodyAsJsonObject().getString("token");
                CliRun init = CliRun.of("agent", "init", "--home", agentHome.toString(), "--server",
                        "https://127.0.0.1:" + s.port(), "--enroll-token", enrollToken, "--name", "gpu-1",
                        "--ca-fingerprint", fingerprint);
                assertEquals(0, init.exitCode(), init.err());
                // A second use of the same enrollment token fails, and says so without echoing it.
                assertEquals(1, CliRun.of("agent", "init", "--home", home.resolve("again").toString(), "--server",
                        "https://127.0.0.1:" + s.port(), "--enroll-token", enrollToken, "--ca-fingerprint", fingerprint)
                        .exitCode());
                AgentConfig agent = AgentConfig.load(agentHome);
                Vertx agentVertx = Vertx.vertx();
                AgentDaemon daemon = new AgentDaemon(new AgentOptions(agentHome, false, 50, 400, null));
                Await.result(agentVertx.deployVerticle(daemon));
                Poll.until(java.time.Duration.ofSeconds(20), daemon::isConnected, c -> c, "the agent connects");
                s.send(HttpMethod.GET, "/api/v1/results", null, agent.token());
                String rotated = s.post("/api/v1/agents/" + agent.agentId() + "/rotate-token", "{}").bodyAsJsonObject()
                        .getString("token");
                Poll.until(java.time.Duration.ofSeconds(20), daemon::fatalReason, r -> r != null, "the old token refused");
                Await.result(agentVertx.close());
                s.send(HttpMethod.GET, "/api/v1/results", null, rotated);
                s.post("/api/v1/agents/" + agent.agentId() + "/revoke", "{}");
                s.send(HttpMethod.GET, "/api/v1/results", null, rotated);
                try {
                    List<String> secrets = new ArrayList<>(List.of(TestServer.ADMIN_PASSWORD, jwt, enrollToken,
                            agent.token(), rotated));
                    secrets.addAll(keyLines(Path.of(agent.clientKey())));
                    secrets.addAll(keyLines(cfg.certsDir().resolve("ca-key.pem")));
                    secrets.addAll(keyLines(cfg.certsDir().resolve("server-key.pem")));
                    return secrets;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    @Test
    @DisplayName("logins, failed logins, token creation, use and revocation log no password or token")
    void noSecrets() {
        assertNoSecretLogged(captured -> {
            try (TestServer s = TestServer.start(TestServer.config(home, ""))) {
                String jwt = s.token();
                String apiToken = s.post("/api/v1/api-tokens", new JsonObject().put("name", "ci").put("role", "admin")
                        .encode()).bodyAsJsonObject().getString("token");
                s.send(HttpMethod.POST, "/api/v1/auth/login", new JsonObject().put("username", "admin")
                        .put("password", "guessed-password-1").encode(), null);
                s.send(HttpMethod.GET, "/api/v1/results?x=" + apiToken, null, apiToken);
                s.post("/api/v1/users", new JsonObject().put("username", "u1").put("password", "user-password-1").encode());
                String id = s.get("/api/v1/api-tokens").bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("id");
                assertEquals(204, s.delete("/api/v1/api-tokens/" + id).statusCode());
                s.send(HttpMethod.GET, "/api/v1/results", null, apiToken);
                s.send(HttpMethod.GET, "/api/v1/results", null, "kitt_api_forged-token-value");
                return List.of(TestServer.ADMIN_PASSWORD, jwt, apiToken, apiToken.substring(9),
                        "guessed-password-1", "user-password-1", "forged-token-value");
            }
        });
    }
}
