package dev.kitt.cli;

import dev.kitt.agent.preflight.Preflight;
import dev.kitt.agent.preflight.PreflightOptions;
import dev.kitt.agent.preflight.PreflightReport;
import dev.kitt.hardware.Host;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * `kitt agent preflight`: checks this host can run the agent. Prints a table (or JSON) and
 * exits 1 when a required check fails, so install scripts can stop early.
 */
@Command(name = "preflight",
        mixinStandardHelpOptions = true,
        description = "Check this host can run the KITT agent; exit 1 if a required check fails.")
public final class AgentPreflightCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", paramLabel = "URL", description = "KITT server base URL, e.g. https://kitt:8080")
    URI server;

    @Option(names = "--model-dir", paramLabel = "D", description = "Model directory (default: ~/.kitt/models).")
    Path modelDir = Path.of(System.getProperty("user.home", "."), ".kitt", "models");

    @Option(names = "--min-free-gb", paramLabel = "N", description = "Free space required in the model dir (default: ${DEFAULT-VALUE}).")
    long minFreeGb = PreflightOptions.DEFAULT_MIN_FREE_GB;

    @Option(names = "--agent-port", paramLabel = "P", description = "Local port the agent will listen on; 0 skips (default: ${DEFAULT-VALUE}).")
    int agentPort = PreflightOptions.DEFAULT_AGENT_PORT;

    @Option(names = "--json", description = "Print the checks as JSON instead of a table.")
    boolean json;

    @picocli.CommandLine.Mixin
    ServerTrustOptions tls;

    private final Host host;

    public AgentPreflightCommand() {
        this(Host.system());
    }

    /** For tests: check a host whose tools come from a stand-in PATH. */
    AgentPreflightCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        PreflightOptions options = new PreflightOptions(server, modelDir, minFreeGb, agentPort,
                PreflightOptions.DEFAULT_HTTP_TIMEOUT, tls.trust());
        PreflightReport report = new Preflight(host).run(options);
        spec.commandLine().getOut().println(json ? report.toJson().encodePrettily() : report.table());
        spec.commandLine().getOut().flush();
        return report.passed() ? 0 : 1;
    }
}
