package dev.kitt.auth;

import io.vertx.core.Future;

/**
 * One kind of bearer secret the server accepts besides the JWT. Each kind has a recognisable
 * prefix ("kitt_api_", "kitt_agent_"), so {@link AuthService#authenticate} picks its verifier
 * without trying them all. The fleet registers its agent-token verifier through
 * {@link AuthService#addVerifier} before the HTTP verticle starts.
 */
public interface TokenVerifier {
    /** The prefix every token of this kind starts with. */
    String prefix();

    /** The caller behind the token; fails with a 401 {@link dev.kitt.server.ApiException} when unknown or revoked. */
    Future<Principal> verify(String token);
}
