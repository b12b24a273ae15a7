package dev.kitt.auth;

import dev.kitt.server.ApiException;
import dev.kitt.store.Database;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API tokens for CI: created with a role, shown once, stored as SHA-256. Every request looks its
 * token up, so a revoked token stops at once; last_used_at is written at most once a minute per
 * token so busy CI jobs do not turn every read into a write.
 */
public final class ApiTokens implements TokenVerifier {
    public static final String PREFIX = "kitt_api_";
    private static final long TOUCH_EVERY_MS = 60_000;

    private final ApiTokenRepository repo;
    private final Map<String, Long> lastTouched = new ConcurrentHashMap<>();

    public ApiTokens(Database db) {
        this.repo = new ApiTokenRepository(db);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public Future<Principal> verify(String token) {
        return repo.findActive(Secrets.sha256(token)).compose(t -> {
            if (t == null) {
                return Future.failedFuture(ApiException.unauthorized("unknown or revoked API token"));
            }
            touch(t.id());
            return Future.succeededFuture(new Principal(Principal.Kind.API_TOKEN, t.id(), t.name(), t.role()));
        });
    }

    private void touch(String id) {
        long now = System.currentTimeMillis();
        Long last = lastTouched.get(id);
        if (last == null || now - last >= TOUCH_EVERY_MS) {
            lastTouched.put(id, now);
            repo.touch(id, now);
        }
    }

    /** Creates a token and returns {id, name, role, token}: the only time the secret is seen. */
    public Future<JsonObject> create(String name, String role, String creatorId) {
        String id = UUID.randomUUID().toString();
        String token = Secrets.token(PREFIX);
        return repo.insert(id, name, Secrets.sha256(token), role, creatorId)
                .map(v -> new JsonObject().put("id", id).put("name", name).put("role", role).put("token", token));
    }

    public Future<JsonArray> list() {
        return repo.list();
    }

    public Future<Boolean> revoke(String id) {
        lastTouched.remove(id);
        return repo.revoke(id);
    }
}
