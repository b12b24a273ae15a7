package dev.kitt.cluster;

import java.util.List;

/** A server without a cluster: it is the only node, named "local" as the fleet's facts always said. */
enum SingleNode implements ClusterNodes {
    INSTANCE;

    @Override
    public String nodeId() {
        return "local";
    }

    @Override
    public List<String> nodes() {
        return List.of("local");
    }

    @Override
    public boolean clustered() {
        return false;
    }
}
