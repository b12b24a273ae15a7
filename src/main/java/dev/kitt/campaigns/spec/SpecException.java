package dev.kitt.campaigns.spec;

/** A campaign definition that cannot be used; the message names the key and the problem. */
public final class SpecException extends RuntimeException {
    private final String code;

    public SpecException(String message) {
        this("invalid_campaign", message);
    }

    public SpecException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A short slug for the API error body: invalid_campaign, unknown_engine, unknown_suite, empty_matrix. */
    public String code() {
        return code;
    }
}
