package dev.kitt.testing;

import dev.kitt.cli.KittCommand;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs `kitt ...` in this JVM and captures its exit code, standard output and error. */
public record CliRun(int exitCode, String out, String err) {
    public static synchronized CliRun of(String... args) {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            CommandLine cl = KittCommand.commandLine();
            cl.setErr(new PrintWriter(err, true));
            cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
            int code = cl.execute(args);
            System.out.flush();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(originalOut);
        }
    }
}
