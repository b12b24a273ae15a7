package dev.kitt.cluster;

import dev.kitt.config.ClusterConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a clustered Vert.x through Hazelcast. Only {@code kitt server --cluster} reaches this
 * class, so a single server never loads Hazelcast. The event bus binds the same host as the
 * membership port, on a free port that the members learn from the cluster manager.
 */
public final class ClusterBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterBootstrap.class);

    private ClusterBootstrap() {
    }

    /** The clustered Vert.x and the members as it sees them. */
    public record Joined(Vertx vertx, ClusterNodes nodes) {
    }

    public static Future<Joined> join(ClusterConfig cluster, VertxOptions options, VertxMetricsFactory metrics) {
        // Hazelcast logs its first lines before it reads its config: SLF4J (kept at WARN) from the start.
        if (System.getProperty("hazelcast.logging.type") == null) {
            System.setProperty("hazelcast.logging.type", "slf4j");
        }
        HazelcastClusterManager manager = new HazelcastClusterManager(HazelcastSettings.build(cluster));
        options.getEventBusOptions().setHost(cluster.host()).setClusterPublicHost(cluster.host()).setPort(0);
        return Vertx.builder().with(options).withMetrics(metrics).withClusterManager(manager).buildClustered()
                .map(vertx -> {
                    ClusterNodes nodes = new ClusterManagerNodes(manager);
                    LOG.info("joined cluster '{}' as node {} on {}:{} ({} member(s))", HazelcastSettings.CLUSTER_NAME,
                            nodes.nodeId(), cluster.host(), cluster.port(), nodes.nodes().size());
                    return new Joined(vertx, nodes);
                })
                .recover(err -> Future.failedFuture(new IllegalStateException("cannot join the cluster on "
                        + cluster.host() + ":" + cluster.port() + ": " + firstLine(err), err)));
    }

    private static String firstLine(Throwable err) {
        String msg = String.valueOf(err.getMessage());
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
