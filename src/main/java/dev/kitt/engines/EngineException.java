package dev.kitt.engines;

/** A problem with an engine the user can act on (unknown engine, wrong model format, not healthy). */
public class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
