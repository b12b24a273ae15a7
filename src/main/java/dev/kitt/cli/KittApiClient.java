package dev.kitt.cli;

import dev.kitt.trust.ServerTrust;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

/**
 * A CLI command's connection to a KITT server's /api/v1: the bearer token from --token or
 * KITT_TOKEN, trust decided by {@link ServerTrust}, and every failure turned into one line.
 */
public final class KittApiClient implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;
    private final ServerTrust trust;
    private final String base;
    private final String token;

    public KittApiClient(String serverUrl, String token, ServerTrust trust) {
        if (token == null || token.isBlank()) {
            vertx.close();
            throw new CliException("--server needs a token: pass --token or set KITT_TOKEN");
        }
        this.trust = trust;
        this.client = WebClient.create(vertx, trust.apply(new WebClientOptions()));
        this.base = serverUrl.replaceAll("/+$", "") + "/api/v1";
        this.token = token;
    }

    /** A request to {@code path} under /api/v1, for callers that add query parameters. */
    public HttpRequest<Buffer> request(HttpMethod method, String path) {
        return client.requestAbs(method, base + path);
    }

    /**
     * Sends a request (JSON body when given) with the token; a 4xx/5xx becomes a one-line
     * CliException with the server's reason, except a 404 when {@code notFoundIsAnswer}.
     */
    public HttpResponse<Buffer> send(HttpRequest<Buffer> req, Buffer body, boolean notFoundIsAnswer) {
        req.bearerTokenAuthentication(token);
        HttpResponse<Buffer> res;
        try {
            res = Await.result(body == null ? req.send()
                    : req.putHeader("Content-Type", "application/json").sendBuffer(body));
        } catch (RuntimeException e) {
            throw new CliException("cannot reach " + base + ": " + trust.explain(e), e);
        }
        if (res.statusCode() >= 400 && !(notFoundIsAnswer && res.statusCode() == 404)) {
            String reason = res.bodyAsString();
            try {
                reason = res.bodyAsJsonObject().getString("error", reason);
            } catch (RuntimeException ignored) {
                // not JSON: show the raw body
            }
            throw new CliException("server answered HTTP " + res.statusCode() + ": " + reason);
        }
        return res;
    }

    @Override
    public void close() {
        Await.result(vertx.close());
    }
}
