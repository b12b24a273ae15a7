package dev.kitt.auth;

/**
 * Who is calling: a user (through a JWT or an API token) or an agent (through its agent token).
 * Stored on the routing context by {@link BearerAuthHandler}.
 */
public record Principal(Kind kind, String id, String name, String role) {
    public static final String CONTEXT_KEY = "kitt.principal";

    public enum Kind { USER, API_TOKEN, AGENT }

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    public boolean isAgent() {
        return kind == Kind.AGENT;
    }
}
