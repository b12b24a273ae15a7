package dev.kitt.agent.preflight;

import javax.net.ssl.SSLContext;
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
 * @param sslContext how an https server is trusted (a pinned KITT CA, say); null: the JVM's default
 */
public record PreflightOptions(URI server, Path modelDir, long minFreeGb, int agentPort, Duration httpTimeout,
                               SSLContext sslContext) {
    public PreflightOptions(URI server, Path modelDir, long minFreeGb, int agentPort, Duration httpTimeout) {
        this(server, modelDir, minFreeGb, agentPort, httpTimeout, null);
    }

    public static final long DEFAULT_MIN_FREE_GB = 50;
    public static final int DEFAULT_AGENT_PORT = 8090;
    public static final Duration DEFAULT_HTTP_TIMEOUT = Duration.ofSeconds(5);
}
