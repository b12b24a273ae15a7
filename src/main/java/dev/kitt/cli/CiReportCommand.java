package dev.kitt.cli;

import dev.kitt.ci.compare.BaselineComparison;
import dev.kitt.ci.compare.Comparison;
import dev.kitt.ci.compare.ReportGate;
import dev.kitt.ci.github.GitHubApiException;
import dev.kitt.ci.github.GitHubTarget;
import dev.kitt.ci.github.GitHubUnreachableException;
import dev.kitt.ci.github.ReportPublisher;
import dev.kitt.ci.github.StickyComment;
import dev.kitt.ci.report.MarkdownReport;
import dev.kitt.ci.results.ResultSet;
import dev.kitt.ci.results.ResultsDirectory;
import dev.kitt.ci.results.ResultsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * `kitt ci report`: renders the benchmark report, delivers it (pull-request comment, file, or
 * stdout), then gates. The report is delivered before gating so a failing build still shows why.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {"Render a Markdown report of benchmark results, compare it with a baseline, "
                + "and post it as a pull-request comment (updated in place on later runs).",
            "Exit code 0 on success; 1 on a failed benchmark, missing or invalid results, a GitHub API error, "
                + "or a regression with --fail-on-regression."})
public final class CiReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--results-dir", required = true, paramLabel = "DIR",
            description = "Results of this run: a run directory or a directory of run directories.")
    Path resultsDir;

    @Option(names = "--baseline-dir", paramLabel = "DIR", description = "Results to compare with (same layouts).")
    Path baselineDir;

    @Option(names = "--github-token", paramLabel = "TOKEN", description = "Token for the GitHub API (default: $GITHUB_TOKEN).")
    String githubToken;

    @CommandLine.ArgGroup(exclusive = false)
    PullRequestOptions pullRequestOptions;

    /** --repo and --pr only make sense together; picocli rejects one without the other as wrong usage. */
    static final class PullRequestOptions {
        @Option(names = "--repo", required = true, paramLabel = "OWNER/REPO", description = "Repository of the pull request.")
        String repo;

        @Option(names = "--pr", required = true, paramLabel = "N", description = "Pull request number.")
        int pullRequest;
    }

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = GitHubTarget.DEFAULT_API_URL,
            description = "GitHub API root; for GitHub Enterprise https://HOST/api/v3 (default: ${DEFAULT-VALUE}).")
    String apiUrl;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of posting it.")
    Path output;

    @Option(names = "--fail-on-regression", description = "Exit 1 when a metric regressed.")
    boolean failOnRegression;

    double thresholdPct;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "Change in percent a metric must exceed to count (default: ${DEFAULT-VALUE}).")
    void threshold(double pct) {
        if (!(pct >= 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be 0 or more, got " + pct);
        }
        thresholdPct = pct;
    }

    private final UnaryOperator<String> environment;
    private final List<Duration> retryDelays;

    public CiReportCommand() {
        this(System::getenv, ReportPublisher.DEFAULT_RETRY_DELAYS);
    }

    /** Tests pass their own environment instead of mutating the process's, and shorter retry waits. */
    CiReportCommand(UnaryOperator<String> environment, List<Duration> retryDelays) {
        this.environment = environment;
        this.retryDelays = List.copyOf(retryDelays);
    }

    @Override
    public Integer call() {
        Optional<GitHubTarget> target = target();
        // Settled before any work, so a job without a token fails at once.
        String token = target.map(t -> token()).orElse(null);
        ResultSet current = load(resultsDir);
        Optional<ResultSet> baseline = Optional.ofNullable(baselineDir).map(CiReportCommand::load);
        Optional<Comparison> comparison = baseline.map(b ->
                BaselineComparison.compare(current, b, thresholdPct, BaselineComparison.DEFAULT_ALPHA));
        String report = MarkdownReport.render(current, baseline, comparison);

        if (output != null) {
            write(output, report);
            spec.commandLine().getOut().println("Report written to " + output);
        } else if (target.isPresent()) {
            post(target.get(), token, report);
        } else {
            spec.commandLine().getOut().print(report);
        }
        spec.commandLine().getOut().flush();

        ReportGate.failure(current, comparison, failOnRegression).ifPresent(reason -> {
            throw new CliException(reason);
        });
        return 0;
    }

    private Optional<GitHubTarget> target() {
        if (pullRequestOptions == null || output != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(GitHubTarget.of(apiUrl, pullRequestOptions.repo, pullRequestOptions.pullRequest));
        } catch (IllegalArgumentException e) {
            // Checked before any results are read, so a typo costs nothing.
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private String token() {
        String token = githubToken != null ? githubToken : environment.apply("GITHUB_TOKEN");
        if (token == null || token.isBlank()) {
            throw new CliException("no GitHub token: pass --github-token or set GITHUB_TOKEN");
        }
        return token;
    }

    private void post(GitHubTarget target, String token, String report) {
        try {
            StickyComment.Outcome outcome = ReportPublisher.publish(target, token, MarkdownReport.MARKER,
                    MarkdownReport.fitForGitHub(report), retryDelays);
            String verb = outcome.action() == StickyComment.Action.CREATED ? "Posted" : "Updated";
            String where = outcome.comment().htmlUrl().isEmpty()
                    ? "comment " + outcome.comment().id() : outcome.comment().htmlUrl();
            spec.commandLine().getOut().println(verb + " the report on " + target.owner() + "/" + target.repo()
                    + "#" + target.pullRequest() + ": " + where);
        } catch (GitHubApiException | GitHubUnreachableException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static ResultSet load(Path dir) {
        try {
            return ResultsDirectory.load(dir);
        } catch (ResultsException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static void write(Path file, String report) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
