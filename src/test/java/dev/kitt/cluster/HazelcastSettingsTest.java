package dev.kitt.cluster;

import com.hazelcast.config.Config;
import dev.kitt.config.ClusterConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Hazelcast configuration a node builds from cluster.*: only the members given, and a host named or numbered. */
@DisplayName("Hazelcast settings built from cluster.*")
class HazelcastSettingsTest {

    @Test
    @DisplayName("an IP address is the one interface the node binds and announces; discovery is TCP to the members only")
    void ipAddress() {
        Config config = HazelcastSettings.build(new ClusterConfig(true, "10.0.0.11", 5701,
                List.of("10.0.0.11:5701", "10.0.0.12:5701")));
        var net = config.getNetworkConfig();
        assertEquals("kitt", config.getClusterName());
        assertEquals(5701, net.getPort());
        assertFalse(net.isPortAutoIncrement());
        assertTrue(net.getInterfaces().isEnabled());
        assertEquals(List.of("10.0.0.11"), List.copyOf(net.getInterfaces().getInterfaces()));
        assertNull(net.getPublicAddress());
        assertEquals("false", config.getProperty("hazelcast.socket.bind.any"));
        assertFalse(net.getJoin().getMulticastConfig().isEnabled());
        assertFalse(net.getJoin().getAutoDetectionConfig().isEnabled());
        assertEquals(List.of("10.0.0.11:5701", "10.0.0.12:5701"), net.getJoin().getTcpIpConfig().getMembers());
    }

    @Test
    @DisplayName("a host name (a container's service name) is announced as is and the socket binds every interface")
    void hostName() {
        Config config = HazelcastSettings.build(new ClusterConfig(true, "kitt-2", 5701,
                List.of("kitt-1:5701", "kitt-2:5701")));
        var net = config.getNetworkConfig();
        assertEquals("kitt-2:5701", net.getPublicAddress());
        assertFalse(net.getInterfaces().isEnabled(), "a name is no interface to pick");
        assertEquals("true", config.getProperty("hazelcast.socket.bind.any"));
        assertEquals(List.of("kitt-1:5701", "kitt-2:5701"), net.getJoin().getTcpIpConfig().getMembers());
    }

    @Test
    @DisplayName("with no members listed, the node's own address is the one member: it starts a cluster alone")
    void noMembers() {
        Config config = HazelcastSettings.build(new ClusterConfig(true, "127.0.0.1", 5801, List.of()));
        assertEquals(List.of("127.0.0.1:5801"), config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
    }
}
