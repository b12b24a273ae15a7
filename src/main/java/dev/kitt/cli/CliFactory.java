package dev.kitt.cli;

import picocli.CommandLine;

/** Builds subcommands, handing `kitt run` its result-store factory. */
final class CliFactory implements CommandLine.IFactory {
    private final RunSinkFactory sinks;

    CliFactory(RunSinkFactory sinks) {
        this.sinks = sinks;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == RunCommand.class) {
            return cls.cast(new RunCommand(sinks));
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
