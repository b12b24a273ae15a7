package dev.kitt.agent.preflight;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks the KITT server's health endpoint, with a short timeout so a dead address fails fast. */
final class ServerCheck {
    static final String NAME = "server reachable";
    static final String HEALTH_PATH = "/api/v1/health";

    PreflightCheck run(URI server, Duration timeout, SSLContext ssl) {
        if (server == null) {
            return PreflightCheck.required(NAME, false, "no server URL given (--server)");
        }
        URI health = healthUri(server);
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        HttpClient client = builder.build();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(timeout).GET().build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return PreflightCheck.required(NAME, ok, "GET " + health + " → " + status);
        } catch (IOException e) {
            return PreflightCheck.required(NAME, false, "GET " + health + " failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PreflightCheck.required(NAME, false, "interrupted");
        } catch (IllegalArgumentException e) {
            return PreflightCheck.required(NAME, false, "bad server URL " + server + ": " + e.getMessage());
        }
    }

    static URI healthUri(URI server) {
        String base = server.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + HEALTH_PATH);
    }

    private static String describe(IOException e) {
        // ConnectException often has a null message; its class name says enough.
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
