package dev.kitt.stack;

/** A stack request that cannot be carried out, with a message the user can act on. */
public final class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
