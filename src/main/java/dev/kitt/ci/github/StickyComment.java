package dev.kitt.ci.github;

import io.vertx.core.Future;

/**
 * One comment per pull request that each CI run rewrites: update the comment carrying the marker
 * if there is one, create it otherwise, so a pull request never collects a report per push.
 */
public final class StickyComment {
    private StickyComment() {
    }

    public enum Action { CREATED, UPDATED }

    public record Outcome(Action action, IssueComment comment) {
    }

    /** @param body must contain {@code marker}, or the next run could not find this comment */
    public static Future<Outcome> upsert(IssueCommentsClient client, String marker, String body) {
        if (!body.contains(marker)) {
            return Future.failedFuture(new IllegalArgumentException("comment body lacks the marker " + marker));
        }
        return client.findContaining(marker).compose(existing -> existing.isPresent()
                ? client.update(existing.get().id(), body).map(c -> new Outcome(Action.UPDATED, c))
                : client.create(body).map(c -> new Outcome(Action.CREATED, c)));
    }
}
