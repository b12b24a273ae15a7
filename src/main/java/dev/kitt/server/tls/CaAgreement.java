package dev.kitt.server.tls;

import dev.kitt.cluster.ClusterNodes;
import dev.kitt.config.ConfigException;
import dev.kitt.config.KittConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Makes the nodes of a cluster agree on the CA that signs agents' certificates. Agents pin one
 * CA and reconnect to any node, so a node with a CA of its own would be refused by every agent
 * that fails over to it. The first node to start records its CA's fingerprint in the cluster-wide
 * map {@value #MAP}; a node whose CA differs refuses to start, before it opens the store or takes
 * any singleton. Over plain HTTP there is no CA to compare, and a single server has no peers.
 */
public final class CaAgreement {
    static final String MAP = "kitt.cluster.ca";
    static final String KEY = "agent-ca-sha256";

    private CaAgreement() {
    }

    public static Future<Void> check(Vertx vertx, ClusterNodes nodes, KittConfig config) {
        if (!nodes.clustered() || config.insecure()) {
            return Future.succeededFuture();
        }
        // Off the event loop: the CA is read from disk, or created there on a node's first start.
        return vertx.executeBlocking(() -> Pem.fingerprint(TlsMaterial.loadOrCreateCa(config.certsDir()).certificate()))
                .compose(mine -> vertx.sharedData().<String, String>getAsyncMap(MAP)
                        .compose(map -> map.putIfAbsent(KEY, mine))
                        .compose(recorded -> recorded == null || recorded.equals(mine) ? Future.<Void>succeededFuture()
                                : Future.failedFuture(new ConfigException("KITT_HOME/certs", "this node's CA (SHA-256 " + mine
                                + ", under " + config.certsDir() + ") differs from the cluster's (SHA-256 " + recorded
                                + "); agents pinned to one CA refuse the other, so give every node the same certs "
                                + "folder (copy it or mount it) and start again"))));
    }
}
