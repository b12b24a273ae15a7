package dev.kitt.engines;

/**
 * Where engine and benchmark log lines go (stderr in the CLI, the log store on the server, the
 * agent's outbox). Must not block: implementations hand lines off and return.
 */
@FunctionalInterface
public interface LogSink {
    void line(String source, String line);

    static LogSink discard() {
        return (source, line) -> { };
    }
}
