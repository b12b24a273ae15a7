package dev.kitt.cli;

import java.nio.file.Path;

/** Where a user's KITT files live: the kitt.home system property (tests), $KITT_HOME, else ~/.kitt. */
final class KittHome {
    private KittHome() {
    }

    static Path resolve() {
        String prop = System.getProperty("kitt.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("KITT_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".kitt");
    }
}
