package dev.kitt.engines.client;

/** The engine sent something that is not the protocol it claims to speak. */
final class MalformedStreamException extends RuntimeException {
    MalformedStreamException(String message) {
        super(message);
    }
}
