package dev.kitt.cli.agent;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** `kitt agent test list|stop ID`: the server's test agents (needs a user or API token). */
@Command(name = "test", mixinStandardHelpOptions = true, description = "List or stop test agents on a server.",
        subcommands = {AgentTestCommand.ListTests.class, AgentTestCommand.Stop.class})
public final class AgentTestCommand implements Runnable {
    @Override
    public void run() {
        throw new dev.kitt.cli.CliException("say `kitt agent test list` or `kitt agent test stop ID`");
    }

    abstract static class Base {
        @Option(names = "--server", required = true, paramLabel = "URL", description = "KITT server URL")
        String server;

        @Option(names = "--token", required = true, paramLabel = "T", description = "user JWT or API token (or $KITT_TOKEN)",
                defaultValue = "${env:KITT_TOKEN}")
        String token;

        @picocli.CommandLine.Mixin
        dev.kitt.cli.ServerTrustOptions tls;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List test agents.")
    static final class ListTests extends Base implements Callable<Integer> {
        @Override
        public Integer call() {
            try (Http http = new Http(server, tls.trust())) {
                JsonObject page = http.json(HttpMethod.GET, "/api/v1/agents", null, token);
                System.out.printf("%-36s  %-20s  %-8s  %s%n", "ID", "NAME", "STATUS", "HARDWARE");
                page.getJsonArray("items").stream().map(o -> (JsonObject) o).filter(a -> a.getBoolean("is_test", false))
                        .forEach(a -> System.out.printf("%-36s  %-20s  %-8s  %s%n", a.getString("id"), a.getString("name"),
                                a.getString("status"), a.getJsonObject("hardware", new JsonObject()).getString("fingerprint", "")));
            }
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop (delete) a test agent.")
    static final class Stop extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "test agent id")
        String id;

        @Override
        public Integer call() {
            try (Http http = new Http(server, tls.trust())) {
                JsonObject agent = http.json(HttpMethod.GET, "/api/v1/agents/" + id, null, token);
                if (!agent.getBoolean("is_test", false)) {
                    throw new dev.kitt.cli.CliException("agent " + id + " is not a test agent; refusing to delete it");
                }
                http.json(HttpMethod.DELETE, "/api/v1/agents/" + id, null, token);
                System.out.println("stopped test agent " + id);
            }
            return 0;
        }
    }
}
