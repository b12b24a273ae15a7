package dev.kitt.cli;

import dev.kitt.testing.CliRun;

import dev.kitt.ci.github.GitHubCommentsStandIn;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Runs `kitt ci report` for pull request 7 against a {@link GitHubCommentsStandIn}. */
final class StandInReport {
    static final int PR = 7;

    /** Retries wait milliseconds here, not the seconds they wait in CI. */
    static final List<Duration> SHORT_RETRY_DELAYS = List.of(Duration.ofMillis(5), Duration.ofMillis(5));

    private StandInReport() {
    }

    static CiReportCommand command(UnaryOperator<String> environment) {
        return new CiReportCommand(environment, SHORT_RETRY_DELAYS);
    }

    /** Runs `ci report` against the stand-in; {@code overrides} are option/value pairs or lone flags. */
    static CliRun run(GitHubCommentsStandIn github, String token, String... overrides) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--results-dir", CliRun.fixture("single/pass").toString());
        options.put("--baseline-dir", CliRun.fixture("single/baseline").toString());
        options.put("--repo", GitHubCommentsStandIn.OWNER + "/" + GitHubCommentsStandIn.REPO);
        options.put("--pr", String.valueOf(PR));
        options.put("--api-url", "http://127.0.0.1:" + github.port());
        options.put("--github-token", token);
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < overrides.length; i++) {
            if (i + 1 < overrides.length && !overrides[i + 1].startsWith("--")) {
                options.put(overrides[i], overrides[++i]);
            } else {
                flags.add(overrides[i]);
            }
        }
        List<String> args = new ArrayList<>();
        options.forEach((k, v) -> args.addAll(List.of(k, v)));
        args.addAll(flags);
        return CliRun.standalone(command(name -> null), args.toArray(String[]::new));
    }

}
