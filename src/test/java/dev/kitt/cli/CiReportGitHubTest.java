package dev.kitt.cli;

import dev.kitt.testing.CliRun;

import dev.kitt.ci.github.GitHubCommentsStandIn;
import dev.kitt.ci.report.MarkdownReport;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("kitt ci report posting to GitHub")
class CiReportGitHubTest {
    private static final String TOKEN = "ghp_test_token_0123456789";
    private static final int PR = StandInReport.PR;

    private GitHubCommentsStandIn github;

    @BeforeEach
    void startGitHub(Vertx vertx, VertxTestContext ctx) {
        github = new GitHubCommentsStandIn(vertx, TOKEN);
        github.start().onComplete(ctx.succeedingThenComplete());
    }

    private String apiUrl() {
        return "http://127.0.0.1:" + github.port();
    }

    private CliRun report(String... overrides) {
        return StandInReport.run(github, TOKEN, overrides);
    }

    @Test
    @DisplayName("the first report on a pull request is posted as a new comment carrying the marker")
    void firstPost() {
        CliRun run = report();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.created.size());
        assertEquals(0, github.updated.size());
        String body = github.created.get(0).getString("body");
        assertTrue(body.startsWith(MarkdownReport.MARKER), body);
        assertTrue(body.contains("| throughput | `output_tokens_per_s` | ↑ | 1500 | 1400 | -6.7% | 🔴 regression |"), body);
        assertTrue(run.out().contains("Posted the report on kitt-org/kitt#7"), run.out());
        github.calls.forEach(c -> assertEquals("Bearer " + TOKEN, c.authorization()));
    }

    @Test
    @DisplayName("a later report updates the existing comment in place and never adds a second one")
    void updateInPlace() {
        github.addComment(PR, "LGTM");
        long ours = github.addComment(PR, MarkdownReport.MARKER + "\nold report");
        github.addComment(PR, "please rebase");

        CliRun first = report();
        CliRun second = report();

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(0, github.created.size());
        assertEquals(2, github.updated.size());
        assertEquals(ours, github.updated.get(1).getLong("id"));
        assertEquals(1, github.comments(PR).stream().filter(c -> c.getString("body").contains(MarkdownReport.MARKER)).count());
        assertTrue(github.comments(PR).stream().noneMatch(c -> c.getString("body").contains("old report")));
        assertTrue(second.out().contains("Updated the report"), second.out());
    }

    @Test
    @DisplayName("two runs on a pull request without a report create one comment, then update it")
    void neverDuplicates() {
        assertEquals(0, report().exitCode());
        assertEquals(0, report().exitCode());

        assertEquals(1, github.created.size());
        assertEquals(1, github.updated.size());
        assertEquals(1, github.comments(PR).size());
    }

    @Test
    @DisplayName("the marked comment is found on page 3 by following the Link headers")
    void markerOnPageThree() {
        github.maxPerPage(10);
        long ours = 0;
        for (int i = 1; i <= 27; i++) {
            long id = github.addComment(PR, i == 23 ? "report\n" + MarkdownReport.MARKER : "comment " + i);
            ours = i == 23 ? id : ours;
        }

        CliRun run = report();

        assertEquals(0, run.exitCode(), run.err());
        List<GitHubCommentsStandIn.Call> gets = github.calls("GET");
        assertEquals(3, gets.size());
        assertTrue(gets.get(1).query().contains("page=2"), gets.get(1).query());
        assertTrue(gets.get(2).query().contains("page=3"), gets.get(2).query());
        assertEquals(0, github.created.size());
        assertEquals(List.of(ours), github.updated.stream().map(c -> c.getLong("id")).toList());
        assertEquals(27, github.comments(PR).size());
    }

    @Test
    @DisplayName("a pull request with many comments and no report gets one new comment after reading every page")
    void manyPagesWithoutMarker() {
        github.maxPerPage(10);
        for (int i = 1; i <= 25; i++) {
            github.addComment(PR, "comment " + i);
        }

        CliRun run = report();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3, github.calls("GET").size());
        assertEquals(1, github.created.size());
    }

    @Test
    @DisplayName("GitHub Enterprise is reached under the --api-url path prefix")
    void enterpriseApiPrefix() {
        github.addComment(PR, MarkdownReport.MARKER);

        CliRun run = report("--api-url", apiUrl() + "/api/v3");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(github.calls.stream().allMatch(c -> c.path().startsWith("/api/v3/repos/")), github.calls.toString());
        assertEquals(1, github.updated.size());
    }

    @Test
    @DisplayName("the token is taken from GITHUB_TOKEN when --github-token is absent")
    void tokenFromEnvironment() {
        CliRun run = CliRun.standalone(StandInReport.command(Map.of("GITHUB_TOKEN", TOKEN)::get),
                "--results-dir", CliRun.fixture("single/pass").toString(),
                "--repo", "kitt-org/kitt", "--pr", "7", "--api-url", apiUrl());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.created.size());
    }

    @Test
    @DisplayName("a 502 from GitHub is retried and the report lands once")
    void transientErrorIsRetried() {
        github.failFirst(HttpMethod.GET, 2, 502);

        CliRun run = report();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3, github.calls("GET").size());
        assertEquals(1, github.created.size());
    }

    @Test
    @DisplayName("a create that GitHub completed but answered with 502 is retried as an update, not a duplicate")
    void retryAfterCompletedCreateDoesNotDuplicate() {
        github.failFirstAfterWrite(HttpMethod.POST, 1, 502);

        CliRun run = report();

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, github.created.size());
        assertEquals(1, github.updated.size());
        assertEquals(1, github.comments(StandInReport.PR).size());
    }
}
