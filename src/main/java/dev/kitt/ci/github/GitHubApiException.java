package dev.kitt.ci.github;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

/**
 * GitHub answered with an error status. The message carries the status and GitHub's own
 * explanation (its JSON "message", plus the first validation error for a 422), which is what
 * tells a user whether the token, the permissions or the repository name is wrong.
 */
public final class GitHubApiException extends RuntimeException {
    private final int status;
    private final String githubMessage;

    GitHubApiException(String method, String path, int status, String githubMessage) {
        super("GitHub API error: HTTP " + status + " on " + method + " " + path + ": " + githubMessage);
        this.status = status;
        this.githubMessage = githubMessage;
    }

    static GitHubApiException from(String method, String path, HttpResponse<Buffer> response) {
        return new GitHubApiException(method, path, response.statusCode(), explain(response));
    }

    public int status() {
        return status;
    }

    public String githubMessage() {
        return githubMessage;
    }

    private static String explain(HttpResponse<Buffer> response) {
        String fallback = response.statusMessage() == null || response.statusMessage().isBlank()
                ? "no message" : response.statusMessage();
        Buffer body = response.body();
        if (body == null || body.length() == 0) {
            return fallback;
        }
        try {
            JsonObject json = body.toJsonObject();
            String message = json.getValue("message") instanceof String m && !m.isBlank() ? m : fallback;
            if (json.getValue("errors") instanceof JsonArray errors && !errors.isEmpty()
                    && errors.getValue(0) instanceof JsonObject first && first.getValue("message") instanceof String detail) {
                message += " (" + detail + ")";
            }
            return message;
        } catch (RuntimeException notJson) {
            // Proxies in front of GitHub Enterprise answer with HTML; the status line is all we can use.
            return fallback;
        }
    }
}
