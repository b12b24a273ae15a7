package dev.kitt.campaigns.spec;

/** A campaign definition that cannot be used; the message names the key and the problem. */
public final class SpecException extends RuntimeException {
    private final String code;
    private final String field;

    public SpecException(String message) {
        this("invalid_campaign", message);
    }

    public SpecException(String code, String message) {
        this(code, message, null);
    }

    /** @param field the key at fault as a path into the definition ("engines[1].mode"), or null */
    public SpecException(String code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    /** An invalid value at one key of the definition. */
    public static SpecException at(String field, String message) {
        return new SpecException("invalid_campaign", message, field);
    }

    /** A short slug for the API error body: invalid_campaign, unknown_engine, unknown_suite, empty_matrix. */
    public String code() {
        return code;
    }

    /** The key at fault, so a form can show the message next to it; null when none is. */
    public String field() {
        return field;
    }
}
