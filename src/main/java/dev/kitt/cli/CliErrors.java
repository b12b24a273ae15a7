package dev.kitt.cli;

import dev.kitt.config.ConfigException;
import picocli.CommandLine;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns an exception escaping a subcommand into one line on stderr and exit code 1. */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        Throwable cause = unwrap(ex);
        String msg = cause instanceof CliException || cause instanceof ConfigException
                ? cause.getMessage()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        cmd.getErr().println("kitt: " + msg);
        if (System.getenv("KITT_DEBUG") != null) {
            cause.printStackTrace(cmd.getErr());
        }
        return 1;
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
