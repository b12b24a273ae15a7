package dev.kitt.engines.client;

import dev.kitt.engines.ApiStyle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Talks to one engine over HTTP, OpenAI or Ollama style. {@link #generate} fails its future
 * only once the client is closed, which tells a load run to stop: every other error (HTTP status,
 * timeout, malformed stream, dropped connection) comes back as a {@link RequestResult} with
 * ok=false, so a load run can count it.
 */
public final class EngineClient {
    private final Vertx vertx;
    private final HttpClient http;
    private final WireFormat format;
    private final URI base;
    private final String model;
    private final ClientOptions options;
    private volatile boolean closed;

    private EngineClient(Vertx vertx, URI base, WireFormat format, String model, ClientOptions options) {
        this.vertx = vertx;
        this.base = base;
        this.format = format;
        this.model = model;
        this.options = options;
        this.http = vertx.createHttpClient(new HttpClientOptions().setTcpNoDelay(true).setKeepAlive(true)
                        .setConnectTimeout(10_000).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(options.maxConnections()).setMaxWaitQueueSize(-1));
    }

    public static EngineClient create(Vertx vertx, String baseUrl, ApiStyle style, String model, ClientOptions options) {
        URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        WireFormat f = style == ApiStyle.OLLAMA ? new OllamaFormat() : new OpenAiFormat();
        return new EngineClient(vertx, uri, f, model, options);
    }

    public String baseUrl() {
        return base.toString();
    }

    public Future<RequestResult> generate(GenerationRequest request) {
        if (closed) {
            return Future.failedFuture(new IllegalStateException("the engine client for " + base + " is closed"));
        }
        Promise<RequestResult> promise = Promise.promise();
        AtomicBoolean settled = new AtomicBoolean();
        ResultBuilder result = new ResultBuilder(System.nanoTime(), options.keepText());
        HttpClientRequest[] inFlight = new HttpClientRequest[1];
        long timer = options.requestTimeoutMs() <= 0 ? -1 : vertx.setTimer(options.requestTimeoutMs(), id -> {
            if (settled.compareAndSet(false, true)) {
                promise.complete(result.failure("timed out after " + options.requestTimeoutMs() + " ms",
                        System.nanoTime(), request.stream()));
                if (inFlight[0] != null) {
                    inFlight[0].reset();
                }
            }
        });
        Finisher finish = r -> {
            if (settled.compareAndSet(false, true)) {
                if (timer >= 0) {
                    vertx.cancelTimer(timer);
                }
                promise.complete(r);
            }
        };
        RequestOptions ro = new RequestOptions().setMethod(HttpMethod.POST).setHost(base.getHost())
                .setPort(port()).setURI(base.getRawPath() + format.path(request))
                .putHeader("Content-Type", "application/json");
        Buffer body = format.body(request, model).toBuffer();
        http.request(ro).compose(req -> {
            inFlight[0] = req;
            return req.send(body);
        }).onComplete(ar -> {
            if (ar.failed()) {
                finish.done(result.failure("request failed: " + describe(ar.cause()), System.nanoTime(), request.stream()));
            } else {
                new ResponseReader(format, request.stream(), result, finish, inFlight[0]).read(ar.result());
            }
        });
        return promise.future();
    }

    /** GET on the engine's health path; succeeds only on a 2xx. */
    public Future<Void> checkHealth(String path) {
        return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost()).setPort(port())
                        .setURI(base.getRawPath() + path).setTimeout(5_000))
                .compose(HttpClientRequest::send)
                .compose(resp -> resp.body().compose(b -> resp.statusCode() / 100 == 2
                        ? Future.<Void>succeededFuture()
                        : Future.failedFuture("health check returned HTTP " + resp.statusCode())));
    }

    public Future<Void> close() {
        closed = true;
        return http.close();
    }

    private int port() {
        return base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m != null ? ": " + m : "");
    }

    /** Completes a request exactly once. */
    @FunctionalInterface
    interface Finisher {
        void done(RequestResult result);
    }

    /** Engines answer 200, but a proxy in front may answer another 2xx. */
    static boolean ok(HttpClientResponse resp) {
        return resp.statusCode() / 100 == 2;
    }
}
