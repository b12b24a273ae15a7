package dev.kitt.ci.github;

/** No HTTP answer from the API at all: refused connection, DNS failure, TLS failure or timeout. */
public final class GitHubUnreachableException extends RuntimeException {
    GitHubUnreachableException(String apiUrl, Throwable cause) {
        super("cannot reach the GitHub API at " + apiUrl + ": " + describe(cause), cause);
    }

    private static String describe(Throwable cause) {
        String m = cause.getMessage();
        return m == null || m.isBlank() ? cause.getClass().getSimpleName() : m;
    }
}
