package dev.kitt.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Runs a command line as `kitt` would and keeps its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    /** Through the real root command, so registration is exercised too. */
    static CliRun kitt(String... args) {
        return run(KittCommand.commandLine(), args);
    }

    /** A standalone command with the root's error handling (as when the lead attaches it). */
    static CliRun standalone(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? 2 : 1);
        return run(cl, args);
    }

    private static CliRun run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A fixture directory under src/test/resources/ci. */
    static Path fixture(String name) {
        try {
            return Path.of(CliRun.class.getResource("/ci/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test fixture ci/" + name, e);
        }
    }

    /** The single line KITT prints on stderr for a failure. */
    String errorLine() {
        return err.strip();
    }
}
