package dev.kitt.ci.github;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;

/**
 * Blocking entry point for the CLI, which runs outside any event loop: it owns a Vert.x instance
 * for the duration of one post and waits for the outcome.
 *
 * <p>A CI job should not fail because GitHub answered one request with a 502, so transient failures
 * (no answer, 5xx, 429) are retried after the given delays. The whole find-then-write is retried, not
 * the single request: a POST that timed out may have created the comment, and finding it again turns
 * the retry into an update instead of a duplicate.
 */
public final class ReportPublisher {
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(6));

    private ReportPublisher() {
    }

    /**
     * @param retryDelays waits before the second, third, ... attempt; empty for a single attempt
     * @throws GitHubApiException         when GitHub answers with an error status
     * @throws GitHubUnreachableException when it does not answer
     */
    public static StickyComment.Outcome publish(GitHubTarget target, String token, String marker, String body,
                                                List<Duration> retryDelays) {
        Vertx vertx = Vertx.vertx();
        try (IssueCommentsClient client = new IssueCommentsClient(vertx, target, token)) {
            return attempt(vertx, client, marker, body, retryDelays, 0).await();
        } finally {
            vertx.close().await();
        }
    }

    private static Future<StickyComment.Outcome> attempt(Vertx vertx, IssueCommentsClient client, String marker,
                                                         String body, List<Duration> delays, int done) {
        return StickyComment.upsert(client, marker, body).recover(error -> {
            if (done >= delays.size() || !isTransient(error)) {
                return Future.failedFuture(error);
            }
            return vertx.timer(Math.max(1, delays.get(done).toMillis()))
                    .compose(fired -> attempt(vertx, client, marker, body, delays, done + 1));
        });
    }

    static boolean isTransient(Throwable error) {
        return error instanceof GitHubUnreachableException
                || error instanceof GitHubApiException e && (e.status() >= 500 || e.status() == 429);
    }
}
