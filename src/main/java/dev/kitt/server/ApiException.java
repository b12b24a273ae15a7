package dev.kitt.server;

/**
 * A request that cannot be served, with the HTTP status and a short machine-readable code.
 * Handlers fail the routing context with it; {@link ErrorResponder} writes the JSON body.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** @param field the request field (body key or query parameter) at fault, or null */
    public ApiException(int status, String code, String message, String field) {
        super(message);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    /** A 400 about one named input; forms show the message next to that field. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "invalid_field", message, field);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The input at fault (e.g. "engine", "hardware.gpu"), or null when the whole request is. */
    public String field() {
        return field;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "bad_request", message);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message);
    }
}
