package dev.kitt.engines.runtime;

import dev.kitt.engines.LogSink;
import dev.kitt.engines.sim.SimEngine;
import dev.kitt.engines.sim.SimOptions;
import dev.kitt.engines.sim.SimProfile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;

/** `-e sim` without a mode: the simulated engine inside this JVM on a free loopback port. */
public final class InProcessSimRuntime implements EngineRuntime {
    private final Vertx vertx;
    private final SimEngine sim = new SimEngine();

    public InProcessSimRuntime(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<EngineHandle> start(LaunchSpec spec, LogSink logs) {
        SimOptions options = SimOptions.defaults().withProfile(SimProfile.named(profileName(spec)));
        return sim.start(vertx, options).map(port -> {
            logs.line("engine", "simulated engine (" + options.profile().name() + ") on 127.0.0.1:" + port);
            return new EngineHandle("http://127.0.0.1:" + port, spec.model(), "in-process sim");
        });
    }

    /** A sim engine profile passes "--profile NAME" like the CLI does. */
    private static String profileName(LaunchSpec spec) {
        List<String> args = spec.profile() == null ? List.of() : spec.profile().args();
        int i = args.indexOf("--profile");
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : SimProfile.DEFAULT;
    }

    @Override
    public Future<Void> stop() {
        return sim.stop();
    }
}
