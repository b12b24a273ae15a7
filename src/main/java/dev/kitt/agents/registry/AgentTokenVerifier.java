package dev.kitt.agents.registry;

import dev.kitt.auth.Principal;
import dev.kitt.auth.TokenVerifier;
import dev.kitt.server.ApiException;
import io.vertx.core.Future;

/**
 * Lets {@link dev.kitt.auth.AuthService} recognise an agent token as an agent: checks outside the
 * agent routes (RoleGuard, the /metrics token) then refuse it with 403 for being an agent, instead
 * of misreading it as a malformed JWT (401). Unknown and revoked tokens stay 401.
 */
public final class AgentTokenVerifier implements TokenVerifier {
    private final AgentRepository agents;

    public AgentTokenVerifier(AgentRepository agents) {
        this.agents = agents;
    }

    @Override
    public String prefix() {
        return AgentRepository.TOKEN_PREFIX;
    }

    @Override
    public Future<Principal> verify(String token) {
        return agents.byToken(token).compose(agent -> agent == null
                ? Future.failedFuture(ApiException.unauthorized("invalid or revoked agent token"))
                : Future.succeededFuture(new Principal(Principal.Kind.AGENT, agent.getString("id"),
                        agent.getString("name"), null)));
    }
}
