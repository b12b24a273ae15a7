package dev.kitt.cluster;

import io.vertx.core.spi.cluster.ClusterManager;

import java.util.List;

/**
 * The members as the cluster manager sees them. Read through Vert.x's SPI so that nothing here
 * names Hazelcast; the manager's one node listener stays Vert.x's own (it needs it for the event
 * bus), which is why watchers poll {@link #nodes()} instead of subscribing.
 */
final class ClusterManagerNodes implements ClusterNodes {
    private final ClusterManager manager;

    ClusterManagerNodes(ClusterManager manager) {
        this.manager = manager;
    }

    @Override
    public String nodeId() {
        return manager.getNodeId();
    }

    @Override
    public List<String> nodes() {
        return List.copyOf(manager.getNodes());
    }

    @Override
    public boolean clustered() {
        return true;
    }
}
