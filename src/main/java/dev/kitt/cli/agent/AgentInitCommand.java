package dev.kitt.cli.agent;

import dev.kitt.agent.AgentConfig;
import dev.kitt.cli.CliException;
import dev.kitt.cli.ServerTrustOptions;
import dev.kitt.hardware.HardwareProbe;
import dev.kitt.server.tls.Pem;
import dev.kitt.trust.ServerTrust;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `kitt agent init`: trades an enrollment token for this agent's own token and writes agent.yaml. */
@Command(name = "init", mixinStandardHelpOptions = true, description = "Enroll this host and write KITT_HOME/agent.yaml.")
public final class AgentInitCommand implements Callable<Integer> {
    private static final String ENROLL = "/api/v1/agents/enroll";

    @Mixin
    HomeOption home;

    @Option(names = "--server", required = true, split = ",", paramLabel = "URL",
            description = "KITT server, e.g. https://kitt:8080; repeat it or separate with commas to list every node of a "
                    + "cluster (enrollment tries each in turn)")
    List<String> servers;

    @Option(names = "--enroll-token", required = true, paramLabel = "T", description = "enrollment token from the server")
    String enrollToken;

    @Option(names = "--name", paramLabel = "N", description = "agent name (default: host name)")
    String name;

    @Option(names = "--model-dir", paramLabel = "D", description = "local model storage (default: KITT_HOME/models)")
    Path modelDir;

    @Option(names = "--share-source", paramLabel = "S", description = "NFS share with models, e.g. nas:/export/models")
    String shareSource;

    @Option(names = "--share-mount", paramLabel = "M", description = "where to mount the share")
    String shareMount;

    @Mixin
    ServerTrustOptions tls;

    @Override
    public Integer call() throws Exception {
        for (String server : servers) {
            if (!server.startsWith("http://") && !server.startsWith("https://")) {
                throw new CliException("--server must start with http:// or https://, got '" + server + "'");
            }
        }
        String agentName = name != null ? name : java.net.InetAddress.getLocalHost().getHostName();
        Path dir = home.home();
        JsonObject hardware;
        try {
            hardware = HardwareProbe.local().probe(dir).toJson();
        } catch (RuntimeException e) {
            hardware = new JsonObject();
        }
        ServerTrust trust = tls.trust();
        JsonObject request = new JsonObject().put("enroll_token", enrollToken).put("name", agentName)
                .put("hostname", agentName).put("hardware", hardware);
        // Over https the agent makes its own key pair and sends only the public half: if the
        // server wants mutual TLS it signs it, and the private key never leaves this host.
        KeyPair keys = servers.stream().anyMatch(s -> s.startsWith("https://")) ? ClientKeys.generate() : null;
        if (keys != null) {
            request.put("client_public_key", ClientKeys.publicPem(keys.getPublic()));
        }
        JsonObject enrolled = enroll(trust, request);
        Files.createDirectories(dir);
        String cert = null;
        String key = null;
        if (keys != null && enrolled.getString("client_certificate") != null) {
            Files.writeString(AgentConfig.clientCertFile(dir), enrolled.getString("client_certificate"));
            Pem.writePrivate(AgentConfig.clientKeyFile(dir), Pem.privateKey(keys.getPrivate()));
            cert = AgentConfig.clientCertFile(dir).toString();
            key = AgentConfig.clientKeyFile(dir).toString();
        }
        String caFile = null;
        if (tls.caCert() != null) {
            Files.copy(tls.caCert(), AgentConfig.caFile(dir), StandardCopyOption.REPLACE_EXISTING);
            caFile = AgentConfig.caFile(dir).toString();
        }
        AgentConfig config = new AgentConfig(String.join(",", servers), enrolled.getString("agent_id"), enrolled.getString("token"), agentName,
                (modelDir != null ? modelDir : dir.resolve("models")).toString(), shareSource, shareMount,
                trust.pin(), caFile, cert, key);
        config.save(dir);
        System.out.println("enrolled agent " + agentName + " (" + config.agentId() + "); wrote " + AgentConfig.file(dir)
                + (cert != null ? " and a client certificate for mutual TLS" : ""));
        return 0;
    }

    /**
     * Any node of a cluster can enroll (they share one store), so a server that cannot be reached
     * or answers 5xx is passed over for the next one listed. A 4xx (a bad or spent token, bad
     * input) is the cluster's answer and stops here.
     */
    private JsonObject enroll(ServerTrust trust, JsonObject request) {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            String failure;
            try (Http http = new Http(servers.get(i), trust)) {
                HttpResponse<Buffer> res = http.call(HttpMethod.POST, ENROLL, request, null);
                if (res.statusCode() / 100 != 5) {
                    return Http.checked(HttpMethod.POST, ENROLL, res);
                }
                failure = servers.get(i) + " answered HTTP " + res.statusCode();
            } catch (Http.Unreachable e) {
                failure = e.getMessage();
            }
            failures.add(failure);
            if (i + 1 < servers.size()) {
                System.err.println("kitt: " + failure + "; trying " + servers.get(i + 1));
            }
        }
        throw new CliException("enrollment failed on every server (" + String.join("; ", failures) + ")");
    }
}
