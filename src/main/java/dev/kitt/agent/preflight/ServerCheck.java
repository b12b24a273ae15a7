package dev.kitt.agent.preflight;

import dev.kitt.trust.ServerTrust;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the KITT server's health endpoint, with a short timeout so a dead address fails fast. The
 * call goes through {@link ServerTrust} like every other KITT client, so a pin, a CA file and
 * {@code --insecure} mean here what they mean to the agent itself.
 */
final class ServerCheck {
    static final String NAME = "server reachable";
    static final String HEALTH_PATH = "/api/v1/health";

    PreflightCheck run(URI server, Duration timeout, ServerTrust trust) {
        if (server == null) {
            return PreflightCheck.required(NAME, false, "no server URL given (--server)");
        }
        URI health;
        try {
            health = healthUri(server);
        } catch (IllegalArgumentException e) {
            return PreflightCheck.required(NAME, false, "bad server URL " + server + ": " + e.getMessage());
        }
        // A throwaway Vert.x: preflight is a blocking CLI check, run once, on its own thread.
        Vertx vertx = Vertx.vertx();
        try {
            WebClient client = WebClient.create(vertx, trust.apply(new WebClientOptions()
                    .setConnectTimeout((int) timeout.toMillis())));
            trust.clearRefusal();
            Future<HttpResponse<Buffer>> call = client.getAbs(health.toString()).timeout(timeout.toMillis()).send();
            HttpResponse<Buffer> response = call.toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return PreflightCheck.required(NAME, ok, "GET " + health + " → " + status);
        } catch (ExecutionException | CompletionException e) {
            return PreflightCheck.required(NAME, false, "GET " + health + " failed: " + trust.explain(cause(e)));
        } catch (TimeoutException e) {
            return PreflightCheck.required(NAME, false, "GET " + health + " failed: no answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PreflightCheck.required(NAME, false, "interrupted");
        } catch (IllegalArgumentException e) {
            return PreflightCheck.required(NAME, false, "bad server URL " + server + ": " + e.getMessage());
        } finally {
            vertx.close();
        }
    }

    static URI healthUri(URI server) {
        String base = server.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + HEALTH_PATH);
    }

    private static Throwable cause(Exception e) {
        Throwable err = e.getCause() == null ? e : e.getCause();
        // A refused connection often carries a null message; its class name says enough.
        return err.getMessage() == null ? new IllegalStateException(err.getClass().getSimpleName()) : err;
    }
}
