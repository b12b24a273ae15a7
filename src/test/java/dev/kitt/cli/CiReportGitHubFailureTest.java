package dev.kitt.cli;

import dev.kitt.testing.CliRun;

import dev.kitt.ci.github.GitHubCommentsStandIn;
import dev.kitt.ci.report.MarkdownReport;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(VertxExtension.class)
@DisplayName("kitt ci report when GitHub or the results say no")
class CiReportGitHubFailureTest {
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
    @DisplayName("without any token the command stops before calling GitHub and says how to give one")
    void noToken() {
        CliRun run = CliRun.standalone(StandInReport.command(name -> null),
                "--results-dir", CliRun.fixture("single/pass").toString(),
                "--repo", "kitt-org/kitt", "--pr", "7", "--api-url", apiUrl());

        assertEquals(1, run.exitCode());
        assertEquals("kitt: no GitHub token: pass --github-token or set GITHUB_TOKEN", run.errorLine());
        assertTrue(github.calls.isEmpty());
    }

    @Test
    @DisplayName("a rejected token exits 1 naming HTTP 401 and GitHub's message")
    void unauthorized() {
        CliRun run = report("--github-token", "wrong");

        assertEquals(1, run.exitCode());
        assertEquals("kitt: GitHub API error: HTTP 401 on GET /repos/kitt-org/kitt/issues/7/comments?per_page=100: "
                + "Bad credentials", run.errorLine());
        assertTrue(github.created.isEmpty());
    }

    @Test
    @DisplayName("a token without permission to comment exits 1 naming HTTP 403 and GitHub's message")
    void forbidden() {
        github.failAll(HttpMethod.POST, 403, new JsonObject().put("message", "Resource not accessible by integration"));

        CliRun run = report();

        assertEquals(1, run.exitCode());
        assertEquals("kitt: GitHub API error: HTTP 403 on POST /repos/kitt-org/kitt/issues/7/comments: "
                + "Resource not accessible by integration", run.errorLine());
    }

    @Test
    @DisplayName("an unknown repository exits 1 naming HTTP 404 and GitHub's message")
    void notFound() {
        CliRun run = report("--repo", "kitt-org/no-such-repo");

        assertEquals(1, run.exitCode());
        assertTrue(run.errorLine().startsWith("kitt: GitHub API error: HTTP 404 on GET /repos/kitt-org/no-such-repo/"),
                run.errorLine());
        assertTrue(run.errorLine().endsWith(": Not Found"), run.errorLine());
    }

    @Test
    @DisplayName("a rejected update exits 1 naming HTTP 422, GitHub's message and its validation error")
    void unprocessable() {
        github.addComment(PR, MarkdownReport.MARKER);
        github.failAll(HttpMethod.PATCH, 422, new JsonObject().put("message", "Validation Failed")
                .put("errors", new JsonArray().add(new JsonObject().put("message", "body is too long"))));

        CliRun run = report();

        assertEquals(1, run.exitCode());
        assertEquals("kitt: GitHub API error: HTTP 422 on PATCH /repos/kitt-org/kitt/issues/comments/1000: "
                + "Validation Failed (body is too long)", run.errorLine());
    }

    @Test
    @DisplayName("a closed port exits 1 saying the GitHub API cannot be reached")
    void networkError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = report("--api-url", "http://127.0.0.1:" + closedPort);

        assertEquals(1, run.exitCode());
        assertTrue(run.errorLine().startsWith("kitt: cannot reach the GitHub API at http://127.0.0.1:" + closedPort + ": "),
                run.errorLine());
        assertEquals(1, run.errorLine().lines().count());
    }

    @Test
    @DisplayName("a failed benchmark is still reported on the pull request, then exits 1")
    void failedBenchmarkIsPostedThenFails() {
        CliRun run = report("--results-dir", CliRun.fixture("single/fail").toString());

        assertEquals(1, run.exitCode());
        assertEquals(1, github.created.size());
        assertTrue(github.created.get(0).getString("body").contains("❌ failed"));
        assertTrue(run.errorLine().contains("benchmark failed in ") && run.errorLine().endsWith("memory (nvidia-smi not found)"),
                run.errorLine());
    }

    @Test
    @DisplayName("--fail-on-regression posts the report, then exits 1 naming the regressions")
    void failOnRegression() {
        CliRun run = report("--fail-on-regression");

        assertEquals(1, run.exitCode());
        assertEquals(1, github.created.size());
        assertEquals("kitt: 2 regressions beyond 5%: throughput/output_tokens_per_s -6.7%, "
                + "throughput/e2e_latency_ms_p99 +10.0%", run.errorLine());
    }

    @Test
    @DisplayName("--repo without --pr is a usage error (exit 2) and calls nothing")
    void repoWithoutPr() {
        CliRun run = CliRun.of("ci", "report", "--results-dir", CliRun.fixture("single/pass").toString(),
                "--repo", "kitt-org/kitt", "--github-token", TOKEN, "--api-url", apiUrl());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Missing required argument(s): --pr=N"), run.err());
        assertTrue(github.calls.isEmpty());
    }

    @Test
    @DisplayName("GitHub failing with 503 on every attempt exits 1 naming the status after the retries")
    void persistentServerError() {
        github.failAll(HttpMethod.GET, 503, new JsonObject().put("message", "Service Unavailable"));

        CliRun run = report();

        assertEquals(1, run.exitCode());
        assertEquals(3, github.calls("GET").size());
        assertEquals("kitt: GitHub API error: HTTP 503 on GET /repos/kitt-org/kitt/issues/7/comments?per_page=100: "
                + "Service Unavailable", run.errorLine());
    }
}
