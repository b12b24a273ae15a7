package dev.kitt.cli;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine;

import java.util.function.Supplier;

/** Builds subcommands, handing `kitt run` its result-store factory and hardware probe. */
final class CliFactory implements CommandLine.IFactory {
    private final RunSinkFactory sinks;
    private final Supplier<JsonObject> hardware;

    CliFactory(RunSinkFactory sinks, Supplier<JsonObject> hardware) {
        this.sinks = sinks;
        this.hardware = hardware;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == RunCommand.class) {
            return cls.cast(new RunCommand(sinks, hardware));
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
