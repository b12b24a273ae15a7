package dev.kitt.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("cluster.* settings come from YAML, KITT_CLUSTER_* and flags, in that order")
class ClusterConfigTest {
    private static final String PG = "postgresql://kitt:kitt@db:5432/kitt";

    @Test
    @DisplayName("off by default, on loopback port 5701 with no members")
    void defaults() {
        ClusterConfig c = ConfigLoader.resolve(new JsonObject(), Map.of(), Map.of()).cluster();
        assertFalse(c.enabled());
        assertEquals("127.0.0.1", c.host());
        assertEquals(5701, c.port());
        assertEquals(List.of(), c.members());
    }

    @Test
    @DisplayName("YAML gives a member list, the environment overrides it with a comma string, flags win last")
    void layers() {
        JsonObject yaml = new JsonObject().put("database", new JsonObject().put("url", PG))
                .put("cluster", new JsonObject().put("enabled", true).put("host", "10.0.0.1")
                        .put("members", new JsonArray().add("a:5701").add("b:5701")));
        ClusterConfig fromYaml = ConfigLoader.resolve(yaml, Map.of(), Map.of()).cluster();
        assertTrue(fromYaml.enabled());
        assertEquals(List.of("a:5701", "b:5701"), fromYaml.members());

        Map<String, String> env = Map.of("KITT_CLUSTER_MEMBERS", "c:5701, d:5702", "KITT_CLUSTER_PORT", "5801",
                "KITT_CLUSTER_HOST", "10.0.0.2");
        ClusterConfig fromEnv = ConfigLoader.resolve(yaml, env, Map.of()).cluster();
        assertEquals(List.of("c:5701", "d:5702"), fromEnv.members());
        assertEquals(5801, fromEnv.port());
        assertEquals("10.0.0.2", fromEnv.host());

        Map<String, Object> flags = new HashMap<>();
        flags.put("cluster.host", "10.0.0.3");
        assertEquals("10.0.0.3", ConfigLoader.resolve(yaml, env, flags).cluster().host());
    }

    @Test
    @DisplayName("KITT_CLUSTER=true turns it on, and needs PostgreSQL")
    void environmentSwitch() {
        assertTrue(ConfigLoader.resolve(new JsonObject(), Map.of("KITT_CLUSTER", "true", "KITT_DATABASE_URL", PG), Map.of())
                .cluster().enabled());
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.resolve(new JsonObject(), Map.of("KITT_CLUSTER", "true"), Map.of()));
        assertTrue(e.getMessage().contains("cluster.enabled") && e.getMessage().contains("PostgreSQL"), e.getMessage());
        ConfigException bad = assertThrows(ConfigException.class,
                () -> ConfigLoader.resolve(new JsonObject(), Map.of("KITT_CLUSTER", "maybe"), Map.of()));
        assertTrue(bad.getMessage().contains("cluster.enabled"), bad.getMessage());
    }
}
