package dev.kitt.agents.registry;

import dev.kitt.server.ApiException;
import dev.kitt.server.Json;
import dev.kitt.server.tls.TlsMaterial;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.function.Supplier;

/**
 * Routes agents call with their own credentials, mounted before the user bearer handler:
 * {@code POST /agents/enroll} (an enrollment token in the body; over TLS the reply carries KITT's CA
 * fingerprint and, with agent mutual TLS, a client certificate) and, for an agent token,
 * {@code GET /agents/:id} and {@code GET /agents/:id/settings} of its own agent only. An agent
 * token anywhere else is refused with 403: it reaches only its own agent's resources.
 */
public final class AgentSelfApi {
    private final AgentRepository agents;
    private final EnrollmentRepository enrollment;
    private final EnrollmentCertificates certificates;

    /**
     * @param agentMtls whether enrollment issues client certificates (tls.agent_mtls over TLS)
     * @param tls       the server's TLS files once prepared (null result over plain http)
     */
    public AgentSelfApi(Vertx vertx, AgentRepository agents, EnrollmentRepository enrollment, Path certsDir,
                        boolean agentMtls, Supplier<TlsMaterial.Prepared> tls) {
        this.agents = agents;
        this.enrollment = enrollment;
        this.certificates = new EnrollmentCertificates(vertx, certsDir, agentMtls, tls);
    }

    public void mount(Router api) {
        api.post("/agents/enroll").handler(this::enroll);
        api.route().handler(this::agentToken);
    }

    private void enroll(RoutingContext rc) {
        JsonObject body = Json.body(rc);
        String token = Json.requiredString(body, "enroll_token");
        String name = Json.requiredString(body, "name");
        JsonObject hardware = body.getValue("hardware") instanceof JsonObject h ? h : null;
        PublicKey agentKey = certificates.publicKey(body);
        enrollment.enroll(token, name, body.getString("hostname"), hardware)
                .compose(reply -> certificates.complete(reply, agentKey))
                .onSuccess(r -> Json.reply(rc, 201, r)).onFailure(rc::fail);
    }

    private void agentToken(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
        if (!token.startsWith(AgentRepository.TOKEN_PREFIX)) {
            rc.next();
            return;
        }
        agents.byToken(token).onSuccess(agent -> {
            if (agent == null) {
                rc.fail(ApiException.unauthorized("invalid or revoked agent token"));
                return;
            }
            String path = rc.normalizedPath().replaceFirst("^/api/v1", "");
            String own = "/agents/" + agent.getString("id");
            if (!"GET".equals(rc.request().method().name()) || !(path.equals(own) || path.equals(own + "/settings"))) {
                rc.fail(ApiException.forbidden("an agent token reaches only its own agent's resources"));
            } else if (path.endsWith("/settings")) {
                agents.settings(agent.getString("id")).onSuccess(s -> Json.ok(rc, s)).onFailure(rc::fail);
            } else {
                Json.ok(rc, agent);
            }
        }).onFailure(rc::fail);
    }
}
