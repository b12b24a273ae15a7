package dev.kitt.cli.agent;

import dev.kitt.agent.AgentConfig;
import dev.kitt.cli.CliException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.Callable;

/** `kitt agent update`: fetches the server's jar, checks its sha256, and swaps it in atomically. */
@Command(name = "update", mixinStandardHelpOptions = true, description = "Install the server's agent jar (checked by sha256).")
public final class AgentUpdateCommand implements Callable<Integer> {
    @Mixin
    HomeOption home;

    @Option(names = "--jar", paramLabel = "F", description = "jar to replace (default: KITT_HOME/kitt.jar)")
    Path jar;

    @Option(names = "--insecure", description = "accept any TLS certificate (development only)")
    boolean insecure;

    @Override
    public Integer call() throws Exception {
        AgentConfig config;
        try {
            config = AgentConfig.load(home.home());
        } catch (IllegalStateException e) {
            throw new CliException(e.getMessage());
        }
        Path target = jar != null ? jar : home.home().resolve("kitt.jar");
        dev.kitt.trust.ServerTrust trust;
        try {
            trust = config.trust(insecure);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        try (Http http = new Http(config.servers().get(0), trust)) {
            String expected = http.json(HttpMethod.GET, "/api/v1/agent/package/sha256", null, null).getString("sha256");
            HttpResponse<Buffer> res = http.call(HttpMethod.GET, "/api/v1/agent/package", null, null);
            if (res.statusCode() != 200) {
                throw new CliException("GET /api/v1/agent/package failed (HTTP " + res.statusCode() + ")");
            }
            byte[] bytes = res.body().getBytes();
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(expected)) {
                throw new CliException("downloaded jar does not match the server's sha256 (expected " + expected
                        + ", got " + actual + "); nothing changed");
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".download");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("updated " + target + " (sha256 " + actual + "); restart the agent to use it");
        }
        return 0;
    }
}
