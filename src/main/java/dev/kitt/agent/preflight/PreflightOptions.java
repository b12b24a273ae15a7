package dev.kitt.agent.preflight;

import dev.kitt.trust.ServerTrust;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the checks are measured against.
 *
 * @param server the KITT server's base URL, or null when not configured yet
 * @param modelDir where models are stored; its disk must have {@code minFreeGb} free
 * @param agentPort the local port the agent listens on; 0 skips the check
 * @param httpTimeout how long the server gets to answer its health check
 * @param trust how an https server is trusted: the same rule as every KITT client (pin, CA file, insecure)
 */
public record PreflightOptions(URI server, Path modelDir, long minFreeGb, int agentPort, Duration httpTimeout,
                               ServerTrust trust) {
    /** Trusting https servers through the system trust store, as a client given no trust options does. */
    public PreflightOptions(URI server, Path modelDir, long minFreeGb, int agentPort, Duration httpTimeout) {
        this(server, modelDir, minFreeGb, agentPort, httpTimeout, ServerTrust.of(null, null, false));
    }

    public static final long DEFAULT_MIN_FREE_GB = 50;
    public static final int DEFAULT_AGENT_PORT = 8090;
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(5);
}
