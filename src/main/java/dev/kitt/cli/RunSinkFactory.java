package dev.kitt.cli;

import dev.kitt.bench.RunSink;
import io.vertx.core.Vertx;

import java.nio.file.Path;

/**
 * How `kitt run` obtains the result store it stores runs in: {@link KittCommand#commandLine()}
 * passes the user's store ({@code StoreRunSink}); tests pass their own.
 */
@FunctionalInterface
public interface RunSinkFactory {
    RunSink create(Vertx vertx, Path kittHome);
}
