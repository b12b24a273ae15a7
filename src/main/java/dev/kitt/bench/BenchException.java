package dev.kitt.bench;

/** A run cannot start or finish for a reason the user can fix (unknown suite, bad input). */
public class BenchException extends RuntimeException {
    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
