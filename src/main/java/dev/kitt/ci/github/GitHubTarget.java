package dev.kitt.ci.github;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where the report goes: an API root (github.com or a GitHub Enterprise {@code /api/v3}),
 * a repository and a pull request number.
 */
public record GitHubTarget(URI apiUrl, String owner, String repo, int pullRequest) {
    public static final String DEFAULT_API_URL = "https://api.github.com";

    /**
     * @param repoSlug "owner/repo"
     * @throws IllegalArgumentException with a message fit for the user when an argument is malformed
     */
    public static GitHubTarget of(String apiUrl, String repoSlug, int pullRequest) {
        String[] parts = repoSlug.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("--repo must be owner/repo, got '" + repoSlug + "'");
        }
        if (pullRequest <= 0) {
            throw new IllegalArgumentException("--pr must be a positive pull request number, got " + pullRequest);
        }
        URI uri;
        try {
            uri = new URI(apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--api-url is not a URL: " + apiUrl);
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("--api-url must be an http(s) URL, got " + apiUrl);
        }
        return new GitHubTarget(uri, parts[0], parts[1], pullRequest);
    }

    /** Absolute URL of an API path such as "/repos/o/r/issues/1/comments". */
    public String url(String path) {
        return apiUrl + path;
    }

    public String issueCommentsPath() {
        return "/repos/" + owner + "/" + repo + "/issues/" + pullRequest + "/comments";
    }

    public String commentPath(long commentId) {
        return "/repos/" + owner + "/" + repo + "/issues/comments/" + commentId;
    }

    /**
     * Whether a URL (a pagination link from a response) points at the same server as the API root.
     * The token is only ever sent there, whatever a Link header says.
     */
    public boolean sameOrigin(URI other) {
        return apiUrl.getScheme().equalsIgnoreCase(other.getScheme())
                && apiUrl.getHost().equalsIgnoreCase(other.getHost())
                && port(apiUrl) == port(other);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
