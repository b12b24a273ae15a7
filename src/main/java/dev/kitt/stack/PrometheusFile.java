package dev.kitt.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** prometheus.yml for a stack: one HTTPS scrape job over every KITT node, trusting the stack's CA. */
final class PrometheusFile {
    static final String CA_FILE = "/etc/prometheus/kitt-ca.pem";

    private PrometheusFile() {
    }

    static Map<String, Object> build(StackOptions o) {
        List<String> targets = new ArrayList<>();
        o.nodeNames().forEach(n -> targets.add(n + ":" + StackOptions.CONTAINER_PORT));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("job_name", "kitt");
        job.put("scheme", "https");
        job.put("metrics_path", "/metrics");
        job.put("tls_config", Map.of("ca_file", CA_FILE));
        job.put("static_configs", List.of(Map.of("targets", targets)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("global", Map.of("scrape_interval", "15s"));
        root.put("scrape_configs", List.of(job));
        return root;
    }
}
