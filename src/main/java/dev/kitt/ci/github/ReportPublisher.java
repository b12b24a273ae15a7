package dev.kitt.ci.github;

import io.vertx.core.Vertx;

/**
 * Blocking entry point for the CLI, which runs outside any event loop: it owns a Vert.x instance
 * for the duration of one post and waits for the outcome.
 */
public final class ReportPublisher {
    private ReportPublisher() {
    }

    /**
     * @throws GitHubApiException         when GitHub answers with an error status
     * @throws GitHubUnreachableException when it does not answer
     */
    public static StickyComment.Outcome publish(GitHubTarget target, String token, String marker, String body) {
        Vertx vertx = Vertx.vertx();
        try (IssueCommentsClient client = new IssueCommentsClient(vertx, target, token)) {
            return StickyComment.upsert(client, marker, body).await();
        } finally {
            vertx.close().await();
        }
    }
}
