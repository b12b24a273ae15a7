package dev.kitt.cli;

import dev.kitt.bench.RunSink;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/**
 * How `kitt run` obtains the result store it stores runs in. The bootstrap passes the real one
 * to {@link KittCommand#commandLine(RunSinkFactory)}; {@link #unwired()} is what runs until then.
 */
@FunctionalInterface
public interface RunSinkFactory {
    RunSink create(Vertx vertx, Path kittHome);

    /** Stores nothing and says so: the run's files are still written, but the store never sees it. */
    static RunSinkFactory unwired() {
        return (vertx, home) -> metrics -> Future.failedFuture("no result store is wired into the CLI yet");
    }
}
