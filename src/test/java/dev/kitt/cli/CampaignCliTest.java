package dev.kitt.cli;

import dev.kitt.testing.CliRun;
import dev.kitt.testing.FleetStandIn;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `kitt campaign ...`: plans, schedules, and runs on a server. */
class CampaignCliTest {
    static final String FIXTURE = "src/test/resources/fixtures/python-kitt-campaign.yaml";

    @TempDir
    Path home;

    @Test
    @DisplayName("run --dry-run prints the plan of the original KITT's file and exits 0")
    void dryRunOfPythonFile() {
        CliRun run = CliRun.of("campaign", "run", FIXTURE, "--dry-run");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Campaign nightly-small-models: 4 run(s) planned, 0 skipped"), run.out());
        assertTrue(run.out().contains("qwen2.5:1.5b"), run.out());
        assertTrue(run.out().contains("bartowski/Phi-3.5-mini-instruct-GGUF"), run.out());
    }

    @Test
    @DisplayName("run --dry-run lists skipped pairs with their reasons")
    void dryRunShowsSkipped() throws IOException {
        Path file = home.resolve("mixed.yaml");
        Files.writeString(file, "campaign_name: mixed\nmodels:\n  - name: tiny\n    gguf_repo: org/tiny-GGUF\n"
                + "engines:\n  - name: vllm\n  - name: llama_cpp\n");
        CliRun run = CliRun.of("campaign", "run", file.toString(), "--dry-run");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 run(s) planned, 1 skipped"), run.out());
        assertTrue(run.out().contains("tiny × vllm: model tiny has no weights in a format vllm takes"), run.out());
    }

    @Test
    @DisplayName("bad files, unknown engines, empty matrices and invalid cron expressions exit 1 with one line")
    void badInput() throws IOException {
        Path file = home.resolve("bad.yaml");
        Files.writeString(file, "campaign_name: bad\nmodels:\n  - name: m\n    gguf_repo: r\nengines:\n  - name: tgi\n");
        CliRun unknown = CliRun.of("campaign", "run", file.toString(), "--dry-run");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown engine 'tgi'"), unknown.err());
        Files.writeString(file, "campaign_name: bad\nmodels:\n  - name: m\n    gguf_repo: r\nengines:\n  - name: vllm\n");
        CliRun empty = CliRun.of("campaign", "run", file.toString(), "--dry-run");
        assertEquals(1, empty.exitCode());
        assertTrue(empty.err().contains("empty matrix"), empty.err());
        CliRun cron = CliRun.of("campaign", "schedule", FIXTURE, "--cron", "every night", "--home", home.toString());
        assertEquals(1, cron.exitCode());
        assertTrue(cron.err().contains("invalid cron expression"), cron.err());
        CliRun missing = CliRun.of("campaign", "run", home.resolve("nope.yaml").toString(), "--dry-run");
        assertEquals(1, missing.exitCode());
    }

    @Test
    @DisplayName("a local schedule is checked as campaign run checks a file: no agents, unknown engines and suites, "
            + "and empty matrices exit 1 and store nothing")
    void localScheduleValidation() throws IOException {
        CliRun noAgents = CliRun.of("campaign", "schedule", FIXTURE, "--cron", "0 2 * * *", "--home", home.toString());
        assertEquals(1, noAgents.exitCode());
        assertTrue(noAgents.err().contains("names no agents") && noAgents.err().contains("--agent ID"), noAgents.err());
        Path file = home.resolve("bad.yaml");
        Files.writeString(file, "campaign_name: bad\nmodels:\n  - name: m\n    gguf_repo: r\nengines:\n  - name: tgi\n");
        CliRun unknown = CliRun.of("campaign", "schedule", file.toString(), "--cron", "0 2 * * *", "--agent", "gpu-1",
                "--home", home.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown engine 'tgi'"), unknown.err());
        Files.writeString(file, "campaign_name: bad\nmodels:\n  - name: m\n    gguf_repo: r\nengines:\n"
                + "  - name: llama_cpp\n    suite: huge\n");
        CliRun suite = CliRun.of("campaign", "schedule", file.toString(), "--cron", "0 2 * * *", "--agent", "gpu-1",
                "--home", home.toString());
        assertEquals(1, suite.exitCode());
        assertTrue(suite.err().contains("unknown suite 'huge'"), suite.err());
        Files.writeString(file, "campaign_name: bad\nmodels:\n  - name: m\n    gguf_repo: r\nengines:\n  - name: vllm\n"
                + "agents: [gpu-1]\n");
        CliRun empty = CliRun.of("campaign", "schedule", file.toString(), "--cron", "0 2 * * *", "--home", home.toString());
        assertEquals(1, empty.exitCode());
        assertTrue(empty.err().contains("empty matrix"), empty.err());
        CliRun noCron = CliRun.of("campaign", "schedule", FIXTURE, "--agent", "gpu-1", "--home", home.toString());
        assertEquals(1, noCron.exitCode());
        assertTrue(noCron.err().contains("give --cron"), noCron.err());
        CliRun list = CliRun.of("campaign", "schedule", "list", "--home", home.toString());
        assertTrue(list.out().contains("0 schedule(s)"), list.out());

        // The file's own schedule: key is the cron when --cron is not given.
        Files.writeString(file, "campaign_name: timed\nschedule: \"30 3 * * *\"\nmodels:\n  - name: m\n    gguf_repo: r\n"
                + "engines:\n  - name: llama_cpp\nagents: [gpu-1]\n");
        CliRun fromFile = CliRun.of("campaign", "schedule", file.toString(), "--home", home.toString());
        assertEquals(0, fromFile.exitCode(), fromFile.err());
        assertTrue(fromFile.out().contains("timed at \"30 3 * * *\""), fromFile.out());
    }

    @Test
    @DisplayName("without --server the campaign runs here through the benchmark executor, stores its results locally, "
            + "prints the rollup, and --resume runs only what did not succeed")
    void localRunAndResume() throws IOException {
        Path file = home.resolve("local.yaml");
        // The simulated engine runs here; llama.cpp in docker cannot (no Docker daemon), so those runs fail.
        Files.writeString(file, """
                campaign_name: local-two
                models:
                  - name: tiny-a
                    gguf_repo: org/tiny-a-GGUF
                  - name: tiny-b
                    gguf_repo: org/tiny-b-GGUF
                engines:
                  - name: sim
                    suite: quick
                  - name: llama_cpp
                    suite: quick
                    mode: docker
                slos:
                  min_output_tokens_per_s: 1
                """);
        CliRun dry = CliRun.of("campaign", "run", file.toString(), "--dry-run", "--home", home.toString());
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("4 run(s) planned, 0 skipped"), dry.out());
        assertTrue(CliRun.of("campaign", "list", "--home", home.toString()).out().contains("0 campaign(s)"),
                "a dry run stores nothing");

        CliRun first = CliRun.of("campaign", "run", file.toString(), "--home", home.toString());
        assertEquals(1, first.exitCode(), first.out() + first.err());
        assertTrue(first.out().contains("4 run(s) to do"), first.out());
        assertTrue(first.out().contains("throughput: passed"), "progress per benchmark: " + first.out());
        assertTrue(first.out().contains("4 planned: 2 succeeded, 2 failed"), first.out());
        assertTrue(first.out().contains("SLOs: 2 passed, 0 failed"), first.out());
        assertEquals(2, storedRuns(), "one stored result per succeeded run");

        CliRun again = CliRun.of("campaign", "run", file.toString(), "--resume", "--home", home.toString());
        assertEquals(1, again.exitCode(), again.out() + again.err());
        assertTrue(again.out().contains("2 run(s) to do, 2 already succeeded and skipped"), again.out());
        assertTrue(again.out().contains("4 planned: 2 succeeded, 2 failed"), again.out());
        assertEquals(2, storedRuns(), "the succeeded runs were not run again");

        CliRun list = CliRun.of("campaign", "list", "--home", home.toString());
        assertTrue(list.out().contains("1 campaign(s)") && list.out().contains("local-two"), list.out());
        String id = list.out().lines().filter(l -> l.contains("local-two")).findFirst().orElseThrow().split("\\s+")[0];
        CliRun status = CliRun.of("campaign", "status", id, "--json", "--home", home.toString());
        assertEquals(0, status.exitCode(), status.err());
        io.vertx.core.json.JsonObject report = new io.vertx.core.json.JsonObject(status.out());
        assertEquals(4, report.getJsonArray("runs").size());
        assertEquals(2L, report.getJsonObject("counts").getLong("slo_passed"));
        assertTrue(Files.exists(home.resolve("campaigns").resolve(id).resolve("report.md")));

        // Each run's log is kept in the local store: #1 (sim) succeeded, #2 (llama.cpp, no local weights) failed twice.
        CliRun simLog = CliRun.of("campaign", "logs", id, "1", "--home", home.toString());
        assertEquals(0, simLog.exitCode(), simLog.err());
        assertTrue(simLog.out().contains("[bench] engine ready") && simLog.out().contains("[bench] throughput: passed")
                && simLog.out().contains("[bench] succeeded (result "), simLog.out());
        CliRun dockerLog = CliRun.of("campaign", "logs", id, "2", "--home", home.toString());
        assertEquals(0, dockerLog.exitCode(), dockerLog.err());
        assertTrue(dockerLog.out().contains("[bench] FAILED: model path not found: org/tiny-a-GGUF"), dockerLog.out());
        assertEquals(1, dockerLog.out().lines().filter(l -> l.contains("FAILED")).count(),
                "the latest attempt's log only: " + dockerLog.out());
        CliRun noRun = CliRun.of("campaign", "logs", id, "9", "--home", home.toString());
        assertEquals(1, noRun.exitCode());
        assertTrue(noRun.err().contains("has no run #9"), noRun.err());
        CliRun noneToResume = CliRun.of("campaign", "run", FIXTURE, "--resume", "--home", home.toString());
        assertEquals(1, noneToResume.exitCode());
        assertTrue(noneToResume.err().contains("no failed, cancelled or interrupted campaign named 'nightly-small-models'"),
                noneToResume.err());
    }

    @Test
    @DisplayName("a local run past its timeout_seconds is stopped and recorded failed naming the timeout; the next run "
            + "still runs and the rollup counts both")
    void localTimeout() throws IOException {
        Path file = home.resolve("timeout.yaml");
        Files.writeString(file, """
                campaign_name: local-timeout
                models:
                  - name: tiny-a
                    gguf_repo: org/tiny-a-GGUF
                  - name: tiny-b
                    gguf_repo: org/tiny-b-GGUF
                engines:
                  - name: sim
                    suite: standard
                timeout_seconds: 1
                """);
        CliRun run = CliRun.of("campaign", "run", file.toString(), "--home", home.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("[2/2]"), "the second run started after the first timed out: " + run.out());
        assertTrue(run.out().contains("2 planned: 0 succeeded, 2 failed"), run.out());
        String id = CliRun.of("campaign", "list", "--home", home.toString()).out().lines()
                .filter(l -> l.contains("local-timeout")).findFirst().orElseThrow().split("\\s+")[0];
        io.vertx.core.json.JsonObject report = new io.vertx.core.json.JsonObject(
                CliRun.of("campaign", "status", id, "--json", "--home", home.toString()).out());
        report.getJsonArray("runs").forEach(o -> {
            io.vertx.core.json.JsonObject r = (io.vertx.core.json.JsonObject) o;
            assertEquals("failed", r.getString("status"), r.encode());
            assertTrue(String.valueOf(r.getString("error")).contains("timed out after 1 second"), r.encode());
        });
        assertEquals(0, storedRuns(), "a stopped run stores no result");

        Files.writeString(file, Files.readString(file).replace("timeout_seconds: 1", "timeout_seconds: 0"));
        CliRun zero = CliRun.of("campaign", "run", file.toString(), "--dry-run", "--home", home.toString());
        assertEquals(1, zero.exitCode());
        assertTrue(zero.err().contains("timeout_seconds must be a whole number of seconds between 1 and 86400"), zero.err());
        Files.writeString(file, Files.readString(file).replace("timeout_seconds: 0", "timeout_seconds: 5\ntimeout_minutes: 1"));
        CliRun both = CliRun.of("campaign", "run", file.toString(), "--dry-run", "--home", home.toString());
        assertEquals(1, both.exitCode());
        assertTrue(both.err().contains("give timeout_minutes or timeout_seconds, not both"), both.err());
    }

    private long storedRuns() {
        CliRun results = CliRun.of("results", "list", "--home", home.toString());
        assertEquals(0, results.exitCode(), results.err());
        return Long.parseLong(results.out().lines().filter(l -> l.matches("\\d+ of \\d+ run\\(s\\)")).findFirst()
                .orElseThrow(() -> new AssertionError(results.out())).replaceAll(".* of (\\d+) run.*", "$1"));
    }

    @Test
    @DisplayName("schedules are added (the original file with --agent), listed and removed in the local store")
    void localSchedules() {
        CliRun add = CliRun.of("campaign", "schedule", FIXTURE, "--cron", "0 2 * * *", "--agent", "gpu-1",
                "--home", home.toString());
        assertEquals(0, add.exitCode(), add.err());
        assertTrue(add.out().contains("fires while a kitt server runs on this store"), add.out());
        String id = add.out().split(" ")[1].replace(":", "");
        CliRun list = CliRun.of("campaign", "schedule", "list", "--home", home.toString());
        assertTrue(list.out().contains(id) && list.out().contains("0 2 * * *"), list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.contains(id) && l.contains("never")), list.out());
        assertEquals(0, CliRun.of("campaign", "schedule", "remove", id, "--home", home.toString()).exitCode());
        assertEquals(1, CliRun.of("campaign", "schedule", "remove", id, "--home", home.toString()).exitCode());
    }

    @Test
    @DisplayName("with --server the file runs unchanged on the named agent, and status shows the rollup")
    void runsOnServer() throws IOException {
        Path serverHome = Files.createDirectories(home.resolve("server"));
        FleetStandIn fleet = new FleetStandIn().agent("agent-a", "x86_64", true);
        try (TestServer server = TestServer.start(TestServer.config(serverHome, ""), dev.kitt.agents.FleetOptions.defaults().withoutBuiltInFleet())) {
            fleet.attach(server);
            String url = "http://127.0.0.1:" + server.port();
            CliRun plan = CliRun.of("campaign", "run", FIXTURE, "--dry-run", "--server", url, "--token", server.token(),
                    "--agent", "agent-a");
            assertEquals(0, plan.exitCode(), plan.err());
            assertTrue(plan.out().contains("4 run(s) planned"), plan.out());
            CliRun noAgent = CliRun.of("campaign", "run", FIXTURE, "--server", url, "--token", server.token());
            assertEquals(1, noAgent.exitCode());
            assertTrue(noAgent.err().contains("names no agents"), noAgent.err());

            CliRun run = CliRun.of("campaign", "run", FIXTURE, "--server", url, "--token", server.token(), "--agent", "agent-a");
            assertEquals(0, run.exitCode(), run.err());
            String id = run.out().split(" ")[1];
            Poll.until(Duration.ofSeconds(30), () -> server.get("/api/v1/campaigns/" + id).bodyAsJsonObject()
                    .getString("status"), "completed"::equals, "the campaign to complete");
            CliRun status = CliRun.of("campaign", "status", id, "--server", url, "--token", server.token());
            assertEquals(0, status.exitCode(), status.err());
            assertTrue(status.out().contains("4 planned: 4 succeeded, 0 failed"), status.out());
            CliRun runLog = Poll.until(Duration.ofSeconds(10), () -> CliRun.of("campaign", "logs", id, "1", "--server", url,
                    "--token", server.token()), r -> r.out().contains("starting llama_cpp"), "run #1's log from the server");
            assertEquals(0, runLog.exitCode(), runLog.err());
            CliRun campaignLog = CliRun.of("campaign", "logs", id, "--server", url, "--token", server.token());
            assertTrue(campaignLog.out().contains("launched"), campaignLog.out());
            CliRun list = CliRun.of("campaign", "list", "--server", url, "--token", server.token());
            assertTrue(list.out().contains(id) && list.out().contains("completed"), list.out());
            CliRun cron = CliRun.of("campaign", "schedule", FIXTURE, "--cron", "0 2 * * *", "--server", url,
                    "--token", server.token());
            assertEquals(1, cron.exitCode(), "the fixture names no agents, so the schedule is refused");
            assertTrue(cron.err().contains("--agent ID"), cron.err());
            Poll.until(Duration.ofSeconds(1), () -> fleet.runTests.size(), n -> n == 4, "four tests");

            // The same file scheduled unchanged on the named agent, listed, and removed, all on the server.
            CliRun scheduled = CliRun.of("campaign", "schedule", FIXTURE, "--cron", "0 2 * * *", "--agent", "agent-a",
                    "--server", url, "--token", server.token());
            assertEquals(0, scheduled.exitCode(), scheduled.err());
            String sid = scheduled.out().split(" ")[1].replace(":", "");
            JsonObject stored = server.get("/api/v1/campaigns/schedules").bodyAsJsonObject();
            assertEquals(1, stored.getInteger("total"), stored.encode());
            JsonObject s = stored.getJsonArray("items").getJsonObject(0);
            assertEquals(sid, s.getString("id"));
            assertEquals("0 2 * * *", s.getString("cron"));
            assertEquals(new JsonArray().add("agent-a"), s.getJsonObject("definition").getJsonArray("agents"));
            assertEquals(new JsonObject().put("skip_patterns", new JsonArray().add("IQ1_*").add("IQ2_*")),
                    s.getJsonObject("definition").getJsonObject("quant_filter"), "the file's other keys kept");
            CliRun listed = CliRun.of("campaign", "schedule", "list", "--server", url, "--token", server.token());
            assertEquals(0, listed.exitCode(), listed.err());
            assertTrue(listed.out().lines().anyMatch(l -> l.contains(sid) && l.contains("nightly-small-models")
                    && l.contains("never")), listed.out());
            CliRun removed = CliRun.of("campaign", "schedule", "remove", sid, "--server", url, "--token", server.token());
            assertEquals(0, removed.exitCode(), removed.err());
            assertEquals(0, server.get("/api/v1/campaigns/schedules").bodyAsJsonObject().getInteger("total"));
            CliRun again = CliRun.of("campaign", "schedule", "remove", sid, "--server", url, "--token", server.token());
            assertEquals(1, again.exitCode());
            assertTrue(again.err().contains(sid), again.err());
        }
    }
}
