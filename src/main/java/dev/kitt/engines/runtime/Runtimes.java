package dev.kitt.engines.runtime;

import dev.kitt.engines.EngineDescriptor;
import dev.kitt.engines.EngineException;
import dev.kitt.engines.RuntimeMode;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Chooses and builds the runtime for a run. The environment overrides, health policies and
 * container names are injected here so tests can put a stand-in docker on PATH and shrink waits.
 */
public final class Runtimes {
    private final Vertx vertx;
    private final CommandRunner runner;
    private final HealthPolicy engineHealth;
    private final HealthPolicy endpointHealth;
    private final Supplier<String> containerNames;

    public Runtimes(Vertx vertx, Map<String, String> envOverrides, HealthPolicy engineHealth,
                    HealthPolicy endpointHealth, Supplier<String> containerNames) {
        this.vertx = vertx;
        this.runner = new CommandRunner(vertx, envOverrides);
        this.engineHealth = engineHealth;
        this.endpointHealth = endpointHealth;
        this.containerNames = containerNames;
    }

    public static Runtimes defaults(Vertx vertx) {
        return new Runtimes(vertx, Map.of(), HealthPolicy.engineDefault(), HealthPolicy.endpointDefault(),
                DockerRuntime.timestampNames());
    }

    /** @param mode null: the sim runs in-process, other engines in docker when they can, else native */
    public EngineRuntime create(EngineDescriptor engine, RuntimeMode mode) {
        if (mode == null) {
            if (engine.name().equals("sim")) {
                return new InProcessSimRuntime(vertx);
            }
            mode = engine.supports(RuntimeMode.DOCKER) ? RuntimeMode.DOCKER : RuntimeMode.NATIVE;
        }
        if (!engine.supports(mode)) {
            throw new EngineException("engine " + engine.name() + " does not run in " + mode.id() + " mode");
        }
        return switch (mode) {
            case DOCKER -> new DockerRuntime(vertx, runner, engineHealth, containerNames);
            case NATIVE -> new NativeRuntime(vertx, runner, engineHealth);
            case ENDPOINT -> new EndpointRuntime(vertx, endpointHealth);
        };
    }

    public CommandRunner commands() {
        return runner;
    }
}
