package dev.kitt.auth;

import dev.kitt.cli.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared-data limiter's rules on a real Vert.x shared-data map (local here; the cluster test
 * runs it over Hazelcast), and its deliberate fallback when the map cannot answer.
 */
class ClusteredLoginLimiterTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        Await.result(vertx.close());
    }

    @Test
    @DisplayName("the shared count applies per username and address, says how long to wait, and a success clears it")
    void sameRulesAsOneNode() {
        ClusteredLoginLimiter limiter = new ClusteredLoginLimiter(vertx, 3, 60, System::currentTimeMillis);
        Await.result(limiter.recordFailure("admin", "10.0.0.1"));
        Await.result(limiter.recordFailure("Admin", "10.0.0.1"));
        assertEquals(0L, Await.result(limiter.retryAfter("admin", "10.0.0.1")), "two of three failures");
        Await.result(limiter.recordFailure("admin", "10.0.0.1"));
        long wait = Await.result(limiter.retryAfter("admin", "10.0.0.1"));
        assertTrue(wait >= 59 && wait <= 60, "the oldest failure leaves the window in about a minute: " + wait);
        assertEquals(0L, Await.result(limiter.retryAfter("admin", "10.0.0.2")), "another address is not blocked");
        assertEquals(0L, Await.result(limiter.retryAfter("olga", "10.0.0.1")), "another user is not blocked");
        Await.result(limiter.recordSuccess("admin", "10.0.0.1"));
        assertEquals(0L, Await.result(limiter.retryAfter("admin", "10.0.0.1")), "a success clears the count");
    }

    @Test
    @DisplayName("a failure leaves the shared count when its window passes")
    void window() {
        ClusteredLoginLimiter limiter = new ClusteredLoginLimiter(vertx, 1, 1, System::currentTimeMillis);
        Await.result(limiter.recordFailure("admin", "10.0.0.1"));
        assertEquals(1L, Await.result(limiter.retryAfter("admin", "10.0.0.1")));
        dev.kitt.testing.Poll.until(java.time.Duration.ofSeconds(5),
                () -> Await.result(limiter.retryAfter("admin", "10.0.0.1")), w -> w == 0, "the failure to expire");
    }

    @Test
    @DisplayName("when shared data cannot answer, the node still limits with its own count instead of opening or locking out")
    void fallsBackToThisNode() {
        ClusteredLoginLimiter limiter = new ClusteredLoginLimiter(
                () -> Future.failedFuture(new IllegalStateException("no cluster member answers")), 3, 60,
                System::currentTimeMillis);
        assertEquals(0L, Await.result(limiter.retryAfter("admin", "10.0.0.1")), "not closed: a first attempt is allowed");
        for (int i = 0; i < 3; i++) {
            Await.result(limiter.recordFailure("admin", "10.0.0.1"));
        }
        assertTrue(Await.result(limiter.retryAfter("admin", "10.0.0.1")) > 0, "not open: the node's own limit holds");
        Await.result(limiter.recordSuccess("admin", "10.0.0.1"));
        assertEquals(0L, Await.result(limiter.retryAfter("admin", "10.0.0.1")));
    }
}
