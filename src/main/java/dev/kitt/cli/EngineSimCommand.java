package dev.kitt.cli;

import dev.kitt.engines.sim.SimEngine;
import dev.kitt.engines.sim.SimOptions;
import dev.kitt.engines.sim.SimProfile;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** `kitt engine-sim`: the simulated engine as a standalone server until the process is stopped. */
@Command(name = "engine-sim", description = "Run KITT's simulated OpenAI/Ollama-compatible engine.")
public final class EngineSimCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "Port (0: any free port).")
    int port;
    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on.")
    String host;
    @Option(names = "--profile", defaultValue = SimProfile.DEFAULT, description = "small-gpu, h100, fast or wide.")
    String profile;
    @Option(names = "--seed", defaultValue = "42", description = "Seed of the timing jitter and token text.")
    long seed;
    @Option(names = "--truth-capacity", defaultValue = "100000", description = "Requests whose token times are kept.")
    int truthCapacity;

    @Override
    public Integer call() throws InterruptedException {
        SimProfile p;
        try {
            p = SimProfile.named(profile);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        Vertx vertx = Vertx.vertx();
        CountDownLatch stopped = new CountDownLatch(1);
        SimEngine sim = new SimEngine();
        SimOptions options = new SimOptions(host, port, p, seed, truthCapacity);
        try {
            int bound = sim.start(vertx, options).toCompletionStage().toCompletableFuture().join();
            System.out.println("kitt engine-sim listening on " + host + ":" + bound + " (profile " + p.name() + ", seed " + seed + ")");
        } catch (java.util.concurrent.CompletionException e) {
            vertx.close();
            throw new CliException("engine-sim cannot listen on " + host + ":" + port + ": " + CliErrors.unwrap(e).getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            vertx.close().toCompletionStage().toCompletableFuture().join();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
