package dev.kitt.agents.registry;

import dev.kitt.server.ApiException;
import dev.kitt.server.tls.AgentCertificates;
import dev.kitt.server.tls.TlsMaterial;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.function.Supplier;

/**
 * The TLS half of enrollment. Over TLS the reply names KITT's CA fingerprint; with
 * {@code tls.agent_mtls} the agent must send {@code client_public_key} (PEM) and gets back a
 * client certificate for it, signed by KITT's CA with the agent id as its common name. The
 * agent keeps its private key: only the public half crosses the wire.
 */
final class EnrollmentCertificates {
    private final Vertx vertx;
    private final Path certsDir;
    private final boolean agentMtls;
    private final Supplier<TlsMaterial.Prepared> tls;

    /** @param tls the server's TLS files once prepared; null (or a null supplier result) over plain http */
    EnrollmentCertificates(Vertx vertx, Path certsDir, boolean agentMtls, Supplier<TlsMaterial.Prepared> tls) {
        this.vertx = vertx;
        this.certsDir = certsDir;
        this.agentMtls = agentMtls;
        this.tls = tls;
    }

    /** The agent's public key from the request: required with agent mTLS, ignored otherwise. */
    PublicKey publicKey(JsonObject body) {
        if (!agentMtls) {
            return null;
        }
        Object pem = body.getValue("client_public_key");
        if (!(pem instanceof String text) || text.isBlank()) {
            throw new ApiException(400, "client_key_required", "this server requires mutual TLS for agents: send "
                    + "client_public_key (a PEM EC public key; `kitt agent init` does this over https)");
        }
        try {
            return AgentCertificates.readPublicKey(text);
        } catch (GeneralSecurityException e) {
            throw new ApiException(400, "invalid_field", "client_public_key is not a PEM EC public key: " + e.getMessage());
        }
    }

    /** Adds the CA fingerprint and, when asked for, the signed client certificate to the enrollment reply. */
    Future<JsonObject> complete(JsonObject reply, PublicKey agentKey) {
        TlsMaterial.Prepared files = tls.get();
        if (files != null) {
            reply.put("ca_fingerprint", files.fingerprint());
        }
        if (agentKey == null) {
            return Future.succeededFuture(reply);
        }
        String agentId = reply.getString("agent_id");
        return vertx.executeBlocking(() -> AgentCertificates.sign(certsDir, agentId, agentKey), false)
                .map(signed -> reply.put("client_certificate", signed.certificatePem())
                        .put("ca_certificate", signed.caPem()));
    }
}
