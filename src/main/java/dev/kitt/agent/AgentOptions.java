package dev.kitt.agent;

import java.nio.file.Path;
import java.util.List;

/**
 * How the daemon runs: its home, whether TLS checks are relaxed (development only), the reconnect
 * backoff window, and the command line that performs a {@code run_test} (null: this jar's own
 * {@code kitt run}). Placeholders in that command line: {model}, {engine}, {suite}, {profile}, {mode}, {endpoint}, {output}.
 */
public record AgentOptions(Path home, boolean insecure, long backoffBaseMs, long backoffCapMs, List<String> runTestCommand) {
    public static AgentOptions defaults(Path home, boolean insecure) {
        return new AgentOptions(home, insecure, 1_000, 60_000, null);
    }
}
