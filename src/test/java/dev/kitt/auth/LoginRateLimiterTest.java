package dev.kitt.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sliding window, on a clock the test moves. */
class LoginRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginRateLimiter limiter = new LoginRateLimiter(3, 60, now::get);

    @Test
    @DisplayName("the limit applies per username and address, says how long to wait, and lifts as failures leave the window")
    void window() {
        limiter.failed("admin", "10.0.0.1");
        now.addAndGet(10_000);
        limiter.failed("Admin", "10.0.0.1");
        limiter.failed("admin", "10.0.0.1");
        assertEquals(50, limiter.retryAfterSeconds("admin", "10.0.0.1"));
        assertEquals(0, limiter.retryAfterSeconds("admin", "10.0.0.2"), "another address is not blocked");
        assertEquals(0, limiter.retryAfterSeconds("olga", "10.0.0.1"), "another user is not blocked");
        now.addAndGet(50_000);
        assertEquals(0, limiter.retryAfterSeconds("admin", "10.0.0.1"), "the first failure left the window");
        limiter.failed("admin", "10.0.0.1");
        assertEquals(10, limiter.retryAfterSeconds("admin", "10.0.0.1"));
        limiter.succeeded("admin", "10.0.0.1");
        assertEquals(0, limiter.retryAfterSeconds("admin", "10.0.0.1"), "a success clears the count");
    }
}
