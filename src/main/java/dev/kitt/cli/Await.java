package dev.kitt.cli;

import io.vertx.core.Future;

import java.util.concurrent.ExecutionException;

/** Blocks a CLI thread (never an event loop) on a Vert.x future and rethrows its failure. */
public final class Await {
    private Await() {
    }

    public static <T> T result(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new CliException(String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
