package dev.kitt.server.openapi;

import io.vertx.ext.web.Router;

/** GET /api/v1/openapi.yaml: the document in src/main/resources/openapi/kitt-api.yaml, no token needed. */
public final class OpenApiDocument {
    public static final String RESOURCE = "openapi/kitt-api.yaml";

    private OpenApiDocument() {
    }

    public static void mount(Router api) {
        // Read through the Vert.x file system (which resolves and caches classpath resources) so the
        // event loop never blocks on the jar.
        api.get("/openapi.yaml").handler(rc -> rc.vertx().fileSystem().readFile(RESOURCE)
                .onSuccess(yaml -> rc.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(yaml))
                .onFailure(rc::fail));
    }
}
