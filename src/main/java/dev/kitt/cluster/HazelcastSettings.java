package dev.kitt.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.kitt.config.ClusterConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

import java.util.ArrayList;
import java.util.List;

/**
 * Hazelcast's configuration, built in code from {@code cluster.*} so that a node never looks
 * beyond the members it is given: TCP join only (no multicast, no cloud discovery), no phone
 * home, one cluster name, and heartbeats short enough that a killed node is noticed in seconds.
 */
final class HazelcastSettings {
    static final String CLUSTER_NAME = "kitt";

    private HazelcastSettings() {
    }

    static Config build(ClusterConfig cluster) {
        // Vert.x's defaults declare the maps and multimap its event bus needs; we change the rest.
        Config config = ConfigUtil.loadConfig();
        config.setClusterName(CLUSTER_NAME);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.partition.count", "71");
        config.setProperty("hazelcast.socket.bind.any", "false");
        NetworkConfig net = config.getNetworkConfig();
        net.setPort(cluster.port()).setPortAutoIncrement(false);
        if (isIpLiteral(cluster.host())) {
            net.getInterfaces().setEnabled(true).setInterfaces(List.of(cluster.host()));
        } else {
            // A name (a container's service name) is announced as is; the socket binds every interface.
            config.setProperty("hazelcast.socket.bind.any", "true");
            net.setPublicAddress(cluster.host() + ":" + cluster.port());
        }
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        List<String> members = new ArrayList<>(cluster.members());
        if (members.isEmpty()) {
            members.add(cluster.host() + ":" + cluster.port());
        }
        join.getTcpIpConfig().setEnabled(true).setMembers(members).setConnectionTimeoutSeconds(2);
        return config;
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }
}
