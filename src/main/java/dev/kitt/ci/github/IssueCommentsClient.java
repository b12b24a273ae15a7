package dev.kitt.ci.github;

import dev.kitt.Version;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.util.Optional;

/**
 * The three calls KITT makes on a pull request's comments (issue comments in GitHub's API):
 * list them page by page, create one, update one. Each failure is either a
 * {@link GitHubApiException} (GitHub said no) or a {@link GitHubUnreachableException} (no answer).
 */
public final class IssueCommentsClient implements AutoCloseable {
    /** GitHub's largest page: fewest requests on busy pull requests. */
    static final int PER_PAGE = 100;
    /** Stops a server that always links to a next page; 100 pages hold 10,000 comments. */
    static final int MAX_PAGES = 100;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private final WebClient client;
    private final GitHubTarget target;
    private final String token;

    public IssueCommentsClient(Vertx vertx, GitHubTarget target, String token) {
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setFollowRedirects(false)
                .setUserAgent("kitt/" + Version.current()));
        this.target = target;
        this.token = token;
    }

    /** The first comment whose body contains {@code marker}, reading pages until one does. */
    public Future<Optional<IssueComment>> findContaining(String marker) {
        return page(target.url(target.issueCommentsPath()) + "?per_page=" + PER_PAGE, marker, 1);
    }

    private Future<Optional<IssueComment>> page(String url, String marker, int pageNumber) {
        return send(HttpMethod.GET, url, null).compose(response -> {
            JsonArray comments;
            try {
                comments = response.bodyAsJsonArray();
            } catch (RuntimeException e) {
                return Future.failedFuture(new GitHubApiException("GET", pathOf(url), response.statusCode(),
                        "expected a JSON list of comments"));
            }
            for (Object o : comments == null ? new JsonArray() : comments) {
                if (o instanceof JsonObject c && c.getValue("body") instanceof String body && body.contains(marker)) {
                    return Future.succeededFuture(Optional.of(comment(c)));
                }
            }
            Optional<String> next = LinkHeader.next(response.getHeader("Link"));
            if (next.isEmpty()) {
                return Future.succeededFuture(Optional.empty());
            }
            if (pageNumber >= MAX_PAGES) {
                return Future.failedFuture(new GitHubApiException("GET", pathOf(url), response.statusCode(),
                        "more than " + MAX_PAGES + " pages of comments"));
            }
            URI nextUri = URI.create(next.get());
            if (!target.sameOrigin(nextUri)) {
                return Future.failedFuture(new GitHubApiException("GET", pathOf(url), response.statusCode(),
                        "pagination link points to another server: " + nextUri.getHost()));
            }
            return page(next.get(), marker, pageNumber + 1);
        });
    }

    public Future<IssueComment> create(String body) {
        return send(HttpMethod.POST, target.url(target.issueCommentsPath()), new JsonObject().put("body", body))
                .map(r -> comment(r.bodyAsJsonObject()));
    }

    public Future<IssueComment> update(long commentId, String body) {
        return send(HttpMethod.PATCH, target.url(target.commentPath(commentId)), new JsonObject().put("body", body))
                .map(r -> comment(r.bodyAsJsonObject()));
    }

    private Future<HttpResponse<Buffer>> send(HttpMethod method, String url, JsonObject body) {
        HttpRequest<Buffer> request = client.requestAbs(method, url)
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Accept", "application/vnd.github+json")
                .putHeader("User-Agent", "kitt/" + Version.current())
                .timeout(REQUEST_TIMEOUT_MS);
        Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
        return sent
                .recover(error -> Future.failedFuture(new GitHubUnreachableException(target.apiUrl().toString(), error)))
                .compose(response -> response.statusCode() / 100 == 2
                        ? Future.succeededFuture(response)
                        : Future.failedFuture(GitHubApiException.from(method.name(), pathOf(url), response)));
    }

    private static IssueComment comment(JsonObject c) {
        if (c == null || !(c.getValue("id") instanceof Number id)) {
            throw new IllegalStateException("GitHub returned a comment without an id");
        }
        return new IssueComment(id.longValue(), c.getString("body", ""), c.getString("html_url", ""));
    }

    /** Path and query of a URL, for messages: the host is the same for every call. */
    private static String pathOf(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    @Override
    public void close() {
        client.close();
    }
}
