package dev.kitt.ci.results;

/** Results that cannot be used: a missing directory, no metrics.json, or a file that is not valid. */
public final class ResultsException extends RuntimeException {
    public ResultsException(String message) {
        super(message);
    }

    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
