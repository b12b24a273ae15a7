package dev.kitt.stack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a stack: docker-compose.yaml, .env, certs/, data/ per node, and prometheus/ and grafana/
 * with --monitoring. Regenerating (--force) keeps the CA, the secrets and the nodes' data.
 * Blocking (key generation, file writes): the CLI calls it on its own thread.
 */
public final class StackGenerator {
    /** What was written, and the CA fingerprint agents should pin. */
    public record Generated(Stacks.Entry stack, String caFingerprint) {
    }

    private final Stacks stacks;

    public StackGenerator(Stacks stacks) {
        this.stacks = stacks;
    }

    public Generated generate(StackOptions o, boolean force) {
        o.validate();
        Path dir = stacks.dir(o.name());
        if (Files.exists(dir) && !force) {
            throw new StackException("stack '" + o.name() + "' already exists at " + dir + ": use --force to regenerate it");
        }
        try {
            Files.createDirectories(dir);
            YamlFiles yaml = new YamlFiles("# KITT stack '" + o.name() + "', written by kitt stack generate.\n");
            String stackDir = dir.toAbsolutePath().normalize().toString();
            yaml.write(dir.resolve(Stacks.COMPOSE_FILE), ComposeFile.build(o, stackDir));
            StackSecrets.write(dir, o);
            String fingerprint = StackCertificates.write(dir.resolve("certs"), o);
            for (String node : o.nodeNames()) {
                // Made here so they belong to the stack's owner, whose uid the nodes run as.
                Files.createDirectories(dir.resolve("data").resolve(node).resolve("certs"));
            }
            if (o.monitoring()) {
                Files.createDirectories(dir.resolve("prometheus"));
                yaml.write(dir.resolve("prometheus/prometheus.yml"), PrometheusFile.build(o));
                GrafanaFiles.write(dir.resolve("grafana"), yaml);
            }
            if (o.agent()) {
                Files.createDirectories(dir.resolve("models"));
            }
            JsonObject manifest = new JsonObject().put("name", o.name())
                    .put("services", new JsonArray(o.services()))
                    .put("created", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                    .put("nodes", o.nodes()).put("port", o.port()).put("web", o.web())
                    .put("postgres", o.postgres()).put("monitoring", o.monitoring()).put("agent", o.agent())
                    .put("image", o.image()).put("ca_fingerprint", fingerprint);
            Files.writeString(dir.resolve(Stacks.MANIFEST), manifest.encodePrettily() + "\n");
            return new Generated(stacks.find(o.name()), fingerprint);
        } catch (IOException e) {
            throw new StackException("cannot write the stack under " + dir + ": " + e.getMessage(), e);
        }
    }
}
