package dev.kitt.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The login limit across a cluster: each failure takes one of {@code maxFailures} slots
 * ({@code user|address#i}) in the cluster-wide map {@value #MAP}, holding its time and expiring
 * when it leaves the window. {@code putIfAbsent} makes two nodes racing for a slot take different
 * ones, so failures spread over the nodes add up to the same total as on one node; once every slot
 * is taken the limit holds until the oldest expires.
 *
 * <p>When shared data does not answer (a member lost, a partition) the node falls back to its own
 * in-memory count, which it keeps all along: deliberately neither closed (every user, admins
 * included, locked out by a cluster hiccup) nor wide open (unlimited guesses), but the per-node
 * limit a single server has.
 */
public final class ClusteredLoginLimiter implements LoginLimiter {
    static final String MAP = "kitt.login.failures";
    private static final Logger LOG = LoggerFactory.getLogger(ClusteredLoginLimiter.class);
    private static final long SHARED_DATA_TIMEOUT_MS = 2_000;

    private final Supplier<Future<AsyncMap<String, Long>>> failures;
    private final int maxFailures;
    private final long windowMs;
    private final LongSupplier clock;
    private final LoginRateLimiter local;
    private volatile boolean degraded;

    public ClusteredLoginLimiter(Vertx vertx, int maxFailures, int windowSeconds, LongSupplier clock) {
        this(() -> vertx.sharedData().getAsyncMap(MAP), maxFailures, windowSeconds, clock);
    }

    /** With the map given (a test passes one that cannot answer, to see the fallback). */
    ClusteredLoginLimiter(Supplier<Future<AsyncMap<String, Long>>> failures, int maxFailures, int windowSeconds,
                          LongSupplier clock) {
        this.failures = failures;
        this.maxFailures = maxFailures;
        this.windowMs = windowSeconds * 1000L;
        this.clock = clock;
        this.local = new LoginRateLimiter(maxFailures, windowSeconds, clock);
    }

    @Override
    public Future<Long> retryAfter(String username, String address) {
        String key = LoginRateLimiter.key(username, address);
        long now = clock.getAsLong();
        return shared(map -> {
            List<Future<Long>> reads = new ArrayList<>();
            for (int i = 0; i < maxFailures; i++) {
                reads.add(map.get(slot(key, i)));
            }
            return Future.all(reads).map(all -> {
                long oldest = Long.MAX_VALUE;
                int live = 0;
                for (int i = 0; i < maxFailures; i++) {
                    Long at = all.resultAt(i);
                    if (at != null && at > now - windowMs) {
                        live++;
                        oldest = Math.min(oldest, at);
                    }
                }
                return live < maxFailures ? 0L : Math.max(1, (oldest + windowMs - now + 999) / 1000);
            });
        }).recover(err -> fallback(err).compose(v -> local.retryAfter(username, address)));
    }

    @Override
    public Future<Void> recordFailure(String username, String address) {
        local.failed(username, address);
        String key = LoginRateLimiter.key(username, address);
        long now = clock.getAsLong();
        return shared(map -> claim(map, key, 0, now)).recover(this::fallback);
    }

    @Override
    public Future<Void> recordSuccess(String username, String address) {
        local.succeeded(username, address);
        String key = LoginRateLimiter.key(username, address);
        return shared(map -> {
            List<Future<Long>> removals = new ArrayList<>();
            for (int i = 0; i < maxFailures; i++) {
                removals.add(map.remove(slot(key, i)));
            }
            return Future.all(removals).<Void>mapEmpty();
        }).recover(this::fallback);
    }

    /** Takes the first free slot; with none free the limit is already reached and nothing more counts. */
    private Future<Void> claim(AsyncMap<String, Long> map, String key, int i, long now) {
        if (i >= maxFailures) {
            return Future.succeededFuture();
        }
        return map.putIfAbsent(slot(key, i), now, windowMs)
                .compose(previous -> previous == null ? Future.<Void>succeededFuture() : claim(map, key, i + 1, now));
    }

    private <T> Future<T> shared(Function<AsyncMap<String, Long>, Future<T>> op) {
        return failures.get().compose(op)
                .timeout(SHARED_DATA_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .onSuccess(v -> {
                    if (degraded) {
                        degraded = false;
                        LOG.info("login limit: shared data answers again; counting failures cluster-wide");
                    }
                });
    }

    private Future<Void> fallback(Throwable err) {
        if (!degraded) {
            degraded = true;
            LOG.warn("login limit: shared data did not answer ({}); counting failures on this node only until it does",
                    err.getMessage());
        }
        return Future.succeededFuture();
    }

    private static String slot(String key, int i) {
        return key + "#" + i;
    }
}
