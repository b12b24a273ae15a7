package dev.kitt.cli;

import dev.kitt.Version;
import dev.kitt.hardware.HardwareProbe;
import dev.kitt.results.StoreRunSink;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root `kitt` command. Every subcommand is registered here, in one place.
 * Exit codes: 0 success; 1 failure, bad input or an API error; 2 wrong usage.
 */
@Command(name = "kitt",
        mixinStandardHelpOptions = true,
        versionProvider = KittCommand.VersionProvider.class,
        description = "Tests LLM inference engines for speed and quality, on one machine or a fleet.",
        subcommands = {
                ServerCommand.class,
                StorageCommand.class,
                ResultsCommand.class,
                FingerprintCommand.class,
                CiCommand.class,
                RunCommand.class,
                EnginesCommand.class,
                EngineSimCommand.class,
                TestCommand.class,
                LoadgenCommand.class,
                CampaignCommand.class,
                AgentCommand.class,
                StackCommand.class,
        })
public final class KittCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The configured command line: exit codes and error handling as the CLI contract says. */
    public static CommandLine commandLine() {
        return commandLine(StoreRunSink::new,
                () -> HardwareProbe.local().probe(KittHome.resolve()).toJson());
    }

    /** The command line with `kitt run` storing runs through the given result-store factory. */
    public static CommandLine commandLine(RunSinkFactory sinks) {
        return commandLine(sinks, RunCommand::minimalHardware);
    }

    /** As above, with the hardware probe that fills hardware.json (called on a worker thread). */
    public static CommandLine commandLine(RunSinkFactory sinks, java.util.function.Supplier<io.vertx.core.json.JsonObject> hardware) {
        return withCliErrors(new CommandLine(new KittCommand(), new CliFactory(sinks, hardware)));
    }

    /** Gives a command line the CLI contract's error handling: one `kitt: ...` line, exit 1, wrong usage 2. */
    public static CommandLine withCliErrors(CommandLine cl) {
        cl.setExecutionExceptionHandler(new CliErrors());
        // Wrong usage is 2 as the CLI contract says; picocli consults this mapper for parse errors too.
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        return cl;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"kitt " + Version.current()};
        }
    }
}
