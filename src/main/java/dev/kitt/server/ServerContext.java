package dev.kitt.server;

import dev.kitt.auth.AuthService;
import dev.kitt.cluster.ClusterNodes;
import dev.kitt.config.KittConfig;
import dev.kitt.store.Database;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What the server's verticles share, created once by {@link KittServer} and passed down. */
public record ServerContext(KittConfig config, Database db, AuthService auth, PrometheusMeterRegistry metrics,
                            ClusterNodes cluster) {

    /** A server of one node (no cluster). */
    public ServerContext(KittConfig config, Database db, AuthService auth, PrometheusMeterRegistry metrics) {
        this(config, db, auth, metrics, ClusterNodes.single());
    }
}
