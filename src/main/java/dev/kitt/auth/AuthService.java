package dev.kitt.auth;

import dev.kitt.config.KittConfig;
import dev.kitt.server.ApiException;
import dev.kitt.store.Database;
import dev.kitt.store.SettingsRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users and their bearer tokens: the first-start admin, login, and JWT verification.
 * The signing secret lives in the settings table so every node (and every restart) shares it.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final String SECRET_KEY = "auth.jwt_secret";

    private final Vertx vertx;
    private final UserRepository users;
    private final int ttlMinutes;
    private final List<TokenVerifier> verifiers = new CopyOnWriteArrayList<>();
    private JWTAuth jwt;
    private ApiTokens apiTokens;

    private AuthService(Vertx vertx, UserRepository users, int ttlMinutes) {
        this.vertx = vertx;
        this.users = users;
        this.ttlMinutes = ttlMinutes;
    }

    /** Accepts another kind of bearer token (API tokens here, agent tokens from the fleet). */
    public void addVerifier(TokenVerifier verifier) {
        verifiers.add(verifier);
    }

    public ApiTokens apiTokens() {
        return apiTokens;
    }

    public UserRepository users() {
        return users;
    }

    /**
     * Who is behind a bearer token: a prefixed token goes to its verifier, anything else is
     * read as a JWT. Fails with 401 naming why.
     */
    public Future<Principal> authenticate(String token) {
        for (TokenVerifier v : verifiers) {
            if (token.startsWith(v.prefix())) {
                return v.verify(token);
            }
        }
        return verifyJwt(token);
    }

    /** Loads (or creates) the signing secret and makes sure an admin exists. */
    public static Future<AuthService> start(Vertx vertx, Database db, KittConfig config) {
        AuthService auth = new AuthService(vertx, new UserRepository(db), config.jwtTtlMinutes());
        auth.apiTokens = new ApiTokens(db);
        auth.addVerifier(auth.apiTokens);
        return new SettingsRepository(db).putIfAbsent(SECRET_KEY, Secrets.token(""))
                .map(secret -> {
                    auth.jwt = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(
                            new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
                    return auth;
                })
                .compose(a -> a.bootstrapAdmin(config.adminPassword()))
                .map(auth);
    }

    private Future<Void> bootstrapAdmin(String configuredPassword) {
        return users.count().compose(n -> {
            if (n > 0) {
                return Future.succeededFuture();
            }
            boolean generated = configuredPassword == null || configuredPassword.isBlank();
            String password = generated ? Secrets.password() : configuredPassword;
            return vertx.executeBlocking(() -> PasswordHasher.hash(password), false)
                    .compose(hash -> users.createIfAbsent("admin", hash, "admin"))
                    .onSuccess(v -> {
                        if (generated) {
                            // Printed once, on purpose, to the console only: never to the log file.
                            System.out.println("KITT created user 'admin' with one-time password: " + password);
                        } else {
                            LOG.info("created user 'admin' with the password from KITT_ADMIN_PASSWORD");
                        }
                    });
        });
    }

    /** Checks the password off the event loop and issues a JWT; a wrong name or password is 401. */
    public Future<String> login(String username, String password) {
        return users.findByUsername(username).compose(user -> {
            if (user == null || user.disabled()) {
                // Hash anyway so a missing user takes as long as a wrong password.
                return vertx.executeBlocking(() -> PasswordHasher.hash(password), false)
                        .compose(h -> Future.failedFuture(ApiException.unauthorized("wrong username or password")));
            }
            return vertx.executeBlocking(() -> PasswordHasher.verify(password, user.passwordHash()), false)
                    .compose(ok -> ok
                            ? Future.succeededFuture(issue(user))
                            : Future.failedFuture(ApiException.unauthorized("wrong username or password")));
        });
    }

    private String issue(UserRepository.User user) {
        return jwt.generateToken(new JsonObject().put("sub", user.id()).put("name", user.username())
                .put("role", user.role()), new JWTOptions().setExpiresInMinutes(ttlMinutes));
    }

    /**
     * Verifies a JWT, then reads the user again so that a deleted or disabled user loses access
     * at once and a role change applies to tokens already issued.
     */
    public Future<Principal> verifyJwt(String token) {
        return jwt.authenticate(new TokenCredentials(token))
                .recover(err -> Future.failedFuture(ApiException.unauthorized("invalid or expired token")))
                .compose(user -> users.findById(user.principal().getString("sub")))
                .compose(u -> u == null || u.disabled()
                        ? Future.failedFuture(ApiException.unauthorized("the token's user no longer exists or is disabled"))
                        : Future.succeededFuture(new Principal(Principal.Kind.USER, u.id(), u.username(), u.role())));
    }

    /** Checks a password against a user's stored hash, off the event loop. */
    public Future<Boolean> checkPassword(UserRepository.User user, String password) {
        return vertx.executeBlocking(() -> PasswordHasher.verify(password, user.passwordHash()), false);
    }

    public Future<String> hashPassword(String password) {
        return vertx.executeBlocking(() -> PasswordHasher.hash(password), false);
    }
}
