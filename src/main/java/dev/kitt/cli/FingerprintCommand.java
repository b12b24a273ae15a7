package dev.kitt.cli;

import dev.kitt.hardware.HardwareInfo;
import dev.kitt.hardware.HardwareProbe;
import dev.kitt.hardware.Host;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `kitt fingerprint [--verbose]`: the hardware fingerprint, or the whole hardware.json. */
@Command(name = "fingerprint",
        mixinStandardHelpOptions = true,
        description = "Print this machine's hardware fingerprint (--verbose: the full hardware.json).")
public final class FingerprintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, description = "Print the full hardware description as JSON.")
    boolean verbose;

    @Option(names = "--dir", paramLabel = "D",
            description = "Directory whose disk is described (default: the user's home).")
    Path dir = Path.of(System.getProperty("user.home", "."));

    private final Host host;

    public FingerprintCommand() {
        this(Host.system());
    }

    /** For tests: probe a host built over fixtures. */
    FingerprintCommand(Host host) {
        this.host = host;
    }

    @Override
    public Integer call() {
        HardwareInfo info = new HardwareProbe(host).probe(dir);
        spec.commandLine().getOut().println(verbose ? info.toJson().encodePrettily() : info.fingerprint());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
