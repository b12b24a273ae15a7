package dev.kitt.cli.agent;

import dev.kitt.cli.Await;
import dev.kitt.cli.CliException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import dev.kitt.trust.ServerTrust;

/** Blocking HTTP calls from a CLI thread to a KITT server; a failure is one `kitt: ...` line. */
final class Http implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final WebClient client;
    private final String server;
    private final ServerTrust trust;

    Http(String server, ServerTrust trust) {
        this.server = server.replaceAll("/$", "");
        this.trust = trust;
        this.client = WebClient.create(vertx, trust.apply(new WebClientOptions()));
    }

    /** The server could not be reached at all (refused, timed out, TLS refused): another node may answer. */
    static final class Unreachable extends CliException {
        Unreachable(String message) {
            super(message);
        }
    }

    HttpResponse<Buffer> call(HttpMethod method, String path, JsonObject body, String bearer) {
        HttpRequest<Buffer> req = client.requestAbs(method, server + path);
        if (bearer != null) {
            req.bearerTokenAuthentication(bearer);
        }
        try {
            return Await.result(body == null ? req.send() : req.sendJsonObject(body));
        } catch (RuntimeException e) {
            throw new Unreachable("cannot reach " + server + ": " + trust.explain(e));
        }
    }

    /** The response's JSON body when the status is 2xx; otherwise the server's error as one line. */
    JsonObject json(HttpMethod method, String path, JsonObject body, String bearer) {
        return checked(method, path, call(method, path, body, bearer));
    }

    /** {@link #json}'s check of a response already received. */
    static JsonObject checked(HttpMethod method, String path, HttpResponse<Buffer> res) {
        if (res.statusCode() / 100 != 2) {
            String why;
            try {
                why = res.bodyAsJsonObject().getString("error");
            } catch (RuntimeException e) {
                why = res.statusMessage();
            }
            throw new CliException(method + " " + path + " failed (HTTP " + res.statusCode() + "): " + why);
        }
        return res.body() == null || res.body().length() == 0 ? new JsonObject() : res.bodyAsJsonObject();
    }

    @Override
    public void close() {
        client.close();
        Await.result(vertx.close());
    }
}
