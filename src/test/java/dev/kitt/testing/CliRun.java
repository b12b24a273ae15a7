package dev.kitt.testing;

import dev.kitt.cli.KittCommand;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Runs a command line as `kitt` would, in this JVM, and keeps its exit code, standard output and
 * error. Output is captured from picocli's writer and from System.out alike, since commands print
 * through both; errors come through picocli's error writer.
 */
public record CliRun(int exitCode, String out, String err) {

    /** Through the real root command, so registration is exercised too. */
    public static CliRun of(String... args) {
        return run(KittCommand::commandLine, args);
    }

    /** A standalone command with the root's error handling (as when the root attaches it). */
    public static CliRun standalone(Object command, String... args) {
        return run(() -> KittCommand.withCliErrors(new CommandLine(command)), args);
    }

    /**
     * One run at a time, since System.out is process-wide. The command line is built only once
     * System.out is captured: with one built before the swap, `ci report` and `results compare`
     * were seen printing to the real stdout instead of the writer set here.
     */
    private static synchronized CliRun run(Supplier<CommandLine> commandLine, String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintWriter picocliOut = new PrintWriter(new OutputStreamWriter(captured, StandardCharsets.UTF_8), true);
        StringWriter err = new StringWriter();
        try {
            System.setOut(captured);
            CommandLine cl = commandLine.get();
            cl.setOut(picocliOut);
            cl.setErr(new PrintWriter(err, true));
            int code = cl.execute(args);
            // The writer buffers what a command print()s without a newline; autoflush only covers println.
            picocliOut.flush();
            captured.flush();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }

    /** A fixture directory under src/test/resources/ci. */
    public static Path fixture(String name) {
        try {
            return Path.of(CliRun.class.getResource("/ci/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture ci/" + name, e);
        }
    }

    /** The single line KITT prints on stderr for a failure. */
    public String errorLine() {
        return err.strip();
    }
}
