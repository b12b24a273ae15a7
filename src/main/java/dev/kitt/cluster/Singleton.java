package dev.kitt.cluster;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.shareddata.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * Deploys a verticle that must run on one node only (campaign executor, test-agent runner, agent
 * sweeper) once this node holds the shared-data lock named after it. Without a cluster the lock is
 * local and taken at once, so start-up is as before. In a cluster the other nodes keep asking; the
 * lock is released when its holder stops or dies, and the next node to take it deploys its own.
 */
public final class Singleton extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(Singleton.class);
    public static final long DEFAULT_RETRY_MS = 1_000;

    private final String name;
    private final Supplier<? extends Deployable> duty;
    private final long retryMs;
    // Read by holding() from other threads (tests, the server's report).
    private volatile Lock lock;
    private long timer = -1;
    private boolean stopped;

    public Singleton(String name, Supplier<? extends Deployable> duty, long retryMs) {
        this.name = name;
        this.duty = duty;
        this.retryMs = retryMs;
    }

    public Singleton(String name, Supplier<? extends Deployable> duty) {
        this(name, duty, DEFAULT_RETRY_MS);
    }

    public static String lockName(String name) {
        return "kitt.singleton." + name;
    }

    /** Covers the duty's deployment when the lock is free at once; otherwise the node starts and waits its turn. */
    @Override
    public Future<?> start() {
        return acquire().compose(held -> {
            if (!held) {
                later();
                return Future.succeededFuture();
            }
            return deployDuty();
        });
    }

    @Override
    public Future<?> stop() {
        stopped = true;
        vertx.cancelTimer(timer);
        Lock held = lock;
        lock = null;
        if (held != null) {
            held.release();
        }
        return Future.succeededFuture();
    }

    public String name() {
        return name;
    }

    public boolean holding() {
        return lock != null;
    }

    private Future<Boolean> acquire() {
        return vertx.sharedData().getLockWithTimeout(lockName(name), 50)
                .map(l -> {
                    lock = l;
                    return true;
                })
                .otherwise(false);
    }

    private Future<String> deployDuty() {
        return vertx.deployVerticle(duty.get()).onFailure(err -> {
            Lock held = lock;
            lock = null;
            if (held != null) {
                held.release();
            }
            if (stopped) {
                return; // the node is stopping: its undeploy cut the duty's start short
            }
            // Let another node (or a later try here) have it rather than hold a lock for nothing.
            LOG.error("singleton {} failed to start: {}", name, err.getMessage());
            later();
        });
    }

    private void later() {
        if (!stopped) {
            timer = vertx.setTimer(retryMs, t -> acquire().onSuccess(held -> {
                if (stopped) {
                    if (held && lock != null) {
                        lock.release();
                        lock = null;
                    }
                } else if (held) {
                    LOG.info("this node now runs singleton {}", name);
                    deployDuty();
                } else {
                    later();
                }
            }));
        }
    }
}
