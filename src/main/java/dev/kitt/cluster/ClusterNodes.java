package dev.kitt.cluster;

import java.util.List;

/** Who this server is among the cluster's members, and who the members are now. */
public interface ClusterNodes {
    /** This node's id: the cluster manager's, or {@code "local"} without a cluster. */
    String nodeId();

    /** The ids of the nodes that are members right now (this one included). */
    List<String> nodes();

    boolean clustered();

    /** The one node of a server that runs without a cluster. */
    static ClusterNodes single() {
        return SingleNode.INSTANCE;
    }
}
