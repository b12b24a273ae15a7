package dev.kitt.server;

import dev.kitt.config.KittConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * Serves the single-page app from webroot/ (the working directory's copy in development, the
 * jar's copy otherwise) with caching headers, and answers unknown page paths with index.html so
 * client-side routes survive a reload. Browser libraries come from WebJars on the classpath under
 * /webjars/.
 */
final class WebApp {
    private WebApp() {
    }

    static void mount(Vertx vertx, Router root, KittConfig config) {
        String dir = config.webroot().toString();
        FileSystemAccess access = config.webroot().isAbsolute() ? FileSystemAccess.ROOT : FileSystemAccess.RELATIVE;
        root.route().method(io.vertx.core.http.HttpMethod.GET).handler(rc -> {
            rc.response().putHeader("X-Content-Type-Options", "nosniff");
            rc.next();
        });
        // Versioned paths (/webjars/preact/10.24.3/...) never change content: cache for a year.
        root.get("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars")
                .setCachingEnabled(true).setMaxAgeSeconds(365L * 24 * 3600));
        root.get("/*").handler(StaticHandler.create(access, dir).setCachingEnabled(true).setMaxAgeSeconds(300));
        root.get("/*").handler(rc -> {
            String path = rc.normalizedPath();
            boolean pageRoute = !path.startsWith("/api/") && !path.substring(path.lastIndexOf('/') + 1).contains(".");
            if (pageRoute) {
                rc.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .sendFile(dir + "/index.html").onFailure(rc::fail);
            } else {
                rc.next();
            }
        });
    }
}
