package dev.kitt.engines;

import dev.kitt.campaigns.plan.EngineCatalog;
import dev.kitt.server.Json;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

import java.nio.file.Path;
import java.util.Comparator;

/**
 * Read-only GET /engines and GET /profiles: what forms (the quick test, the campaign wizard) offer.
 * An engine's {@code formats} and {@code architectures} are those campaign planning and quick tests
 * check against (normalised: arm64, x86_64; none listed means any), so a form filters exactly as the
 * server will; "*" means any model (the simulated engine).
 */
public final class EnginesApi {
    private final Vertx vertx;
    private final Path home;
    private final EngineCatalog catalog = EngineCatalog.standard();

    public EnginesApi(Vertx vertx, Path home) {
        this.vertx = vertx;
        this.home = home;
    }

    public void mount(Router api) {
        // The files under KITT_HOME may change while the server runs: read them per request, off the event loop.
        api.get("/engines").handler(ctx -> vertx.executeBlocking(() -> engines(EngineRegistry.load(home)), false)
                .onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail));
        api.get("/profiles").handler(ctx -> vertx.executeBlocking(() -> profiles(EngineProfiles.load(home)), false)
                .onSuccess(body -> Json.ok(ctx, body)).onFailure(ctx::fail));
    }

    JsonObject engines(EngineRegistry registry) {
        JsonArray items = new JsonArray();
        registry.all().stream().sorted(Comparator.comparing(EngineDescriptor::name)).forEach(d -> items.add(
                new JsonObject().put("name", d.name()).put("image", d.defaultImage()).put("port", d.defaultPort())
                .put("formats", new JsonArray(catalog.formatsFor(d.name())))
                .put("modes", new JsonArray(d.modes().stream().map(RuntimeMode::id).sorted().toList()))
                .put("architectures", new JsonArray(catalog.archs(d.name()).stream().sorted().toList()))));
        return new JsonObject().put("items", items).put("total", items.size());
    }

    static JsonObject profiles(EngineProfiles profiles) {
        JsonArray items = new JsonArray();
        profiles.all().forEach(p -> items.add(p.toJson()));
        return new JsonObject().put("items", items).put("total", items.size());
    }
}
