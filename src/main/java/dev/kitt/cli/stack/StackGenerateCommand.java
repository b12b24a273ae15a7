package dev.kitt.cli.stack;

import dev.kitt.stack.StackGenerator;
import dev.kitt.stack.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `kitt stack generate NAME`: writes a docker-compose stack under KITT_HOME/stacks/NAME. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a docker-compose stack of KITT (and what you ask for) under KITT_HOME/stacks/NAME.")
public final class StackGenerateCommand implements Callable<Integer> {
    @Mixin
    StackHomeOption home;

    @Parameters(index = "0", paramLabel = "NAME", description = "stack name: lower-case letters, digits, - and _")
    String name;

    @Option(names = "--web", description = "publish the web UI/API (and Grafana, Prometheus) on every host interface, not only 127.0.0.1")
    boolean web;

    @Option(names = "--postgres", description = "PostgreSQL for the nodes (runs them in cluster mode)")
    boolean postgres;

    @Option(names = "--monitoring", description = "Prometheus scraping every node, and Grafana with KITT's dashboard")
    boolean monitoring;

    @Option(names = "--agent", description = "an agent on this host, with the Docker socket mounted")
    boolean agent;

    @Option(names = "--nodes", paramLabel = "N", description = "KITT nodes; more than one needs --postgres (default 1)")
    int nodes = 1;

    @Option(names = "--port", paramLabel = "P", description = "host port of the first node; node i gets P+i-1 (default 8080)")
    int port = 8080;

    @Option(names = "--hostname", paramLabel = "H", split = ",",
            description = "extra DNS names or addresses for the server certificate (the names users and agents connect to)")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--image", paramLabel = "I", description = "KITT image (default kitt:latest; build it from the repository's Dockerfile)")
    String image = "kitt:latest";

    @Option(names = "--force", description = "regenerate an existing stack (keeps its CA, secrets and data)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        return StackCalls.call(() -> {
            StackOptions o = new StackOptions(name, nodes, port, web, postgres, monitoring, agent, image, hostnames);
            StackGenerator.Generated g = new StackGenerator(home.stacks()).generate(o, force);
            System.out.println("wrote stack " + g.stack().name() + " to " + g.stack().dir());
            System.out.println("services: " + String.join(", ", g.stack().services()));
            System.out.println("CA SHA-256 fingerprint: " + g.caFingerprint());
            System.out.println("passwords are in " + g.stack().dir().resolve(".env") + " (readable by you only)");
            System.out.println("start it with: kitt stack start " + g.stack().name());
            return 0;
        });
    }
}
