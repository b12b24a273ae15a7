package dev.kitt.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana provisioning for a stack: the Prometheus data source and KITT's dashboard, copied from
 * the jar (docs/grafana/kitt-dashboard.json is a link to the same file).
 */
final class GrafanaFiles {
    static final String DASHBOARD_RESOURCE = "/grafana/kitt-dashboard.json";
    static final String DASHBOARD_FILE = "kitt-dashboard.json";
    static final String DASHBOARDS_IN_CONTAINER = "/var/lib/grafana/dashboards";
    static final String DATASOURCE_UID = "kitt-prometheus";
    /** The dashboard is written for import, with this placeholder; provisioning does no substitution. */
    private static final String IMPORT_PLACEHOLDER = "${DS_PROMETHEUS}";

    private GrafanaFiles() {
    }

    static void write(Path grafanaDir, YamlFiles yaml) throws IOException {
        Path provisioning = grafanaDir.resolve("provisioning");
        Files.createDirectories(provisioning.resolve("datasources"));
        Files.createDirectories(provisioning.resolve("dashboards"));
        Files.createDirectories(grafanaDir.resolve("dashboards"));
        yaml.write(provisioning.resolve("datasources/prometheus.yaml"), datasource());
        yaml.write(provisioning.resolve("dashboards/kitt.yaml"), dashboardProvider());
        Files.writeString(grafanaDir.resolve("dashboards").resolve(DASHBOARD_FILE), dashboard());
    }

    static Map<String, Object> datasource() {
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("name", "Prometheus");
        ds.put("type", "prometheus");
        ds.put("uid", DATASOURCE_UID);
        ds.put("access", "proxy");
        ds.put("url", "http://prometheus:9090");
        ds.put("isDefault", true);
        return top("datasources", List.of(ds));
    }

    static Map<String, Object> dashboardProvider() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "kitt");
        p.put("folder", "KITT");
        p.put("type", "file");
        p.put("disableDeletion", true);
        p.put("options", Map.of("path", DASHBOARDS_IN_CONTAINER));
        return top("providers", List.of(p));
    }

    private static Map<String, Object> top(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", 1);
        m.put(key, value);
        return m;
    }

    /** KITT's dashboard with its data-source placeholder bound to the provisioned Prometheus. */
    static String dashboard() throws IOException {
        try (InputStream in = GrafanaFiles.class.getResourceAsStream(DASHBOARD_RESOURCE)) {
            if (in == null) {
                throw new IOException("the jar has no " + DASHBOARD_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(IMPORT_PLACEHOLDER, DATASOURCE_UID);
        }
    }
}
