package dev.kitt.cli;

import dev.kitt.testing.CliRun;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("kitt results compare")
class ResultsCompareCommandTest {
    private static String dir(String name) {
        return CliRun.fixture(name).toString();
    }

    private static CliRun compare(String... args) {
        return CliRun.standalone(new ResultsCompareCommand(), args);
    }

    private static JsonObject metric(JsonObject doc, String benchmark, String metric) {
        JsonArray metrics = doc.getJsonArray("metrics");
        for (int i = 0; i < metrics.size(); i++) {
            JsonObject m = metrics.getJsonObject(i);
            if (m.getString("benchmark").equals(benchmark) && m.getString("metric").equals(metric)) {
                return m;
            }
        }
        throw new AssertionError("no " + benchmark + "/" + metric + " in " + doc.encodePrettily());
    }

    @Test
    @DisplayName("three runs give per-metric min, max, mean, stddev and coefficient of variation in a table")
    void table() {
        CliRun run = compare(dir("multi/current/run-1"), dir("multi/current/run-2"),
                "--additional", dir("multi/current/run-3"));

        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("3 runs: "), lines[0]);
        assertEquals(List.of("benchmark", "metric", "better", "n", "min", "max", "mean", "stddev", "cv"),
                List.of(lines[2].split("\\s+")));
        assertEquals(List.of("throughput", "output_tokens_per_s", "↑", "3", "1380", "1390", "1385", "5", "0.36%"),
                List.of(lines[3].split("\\s+")));
        // Numbers are right-aligned under their headers.
        assertEquals(lines[2].indexOf("stddev") + "stddev".length(), lines[3].indexOf(" 5 ") + 2);
    }

    @Test
    @DisplayName("--format json gives numbers for scripts, with null where a statistic is undefined")
    void json() {
        CliRun run = compare(dir("multi/current/run-1"), dir("multi/current/run-2"), "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonObject doc = new JsonObject(run.out());
        assertEquals(2, doc.getJsonArray("runs").size());
        JsonObject tps = metric(doc, "throughput", "output_tokens_per_s");
        assertEquals(2, tps.getInteger("n"));
        assertEquals(1380.0, tps.getDouble("min"));
        assertEquals(1385.0, tps.getDouble("max"));
        assertEquals(1382.5, tps.getDouble("mean"));
        assertEquals(3.5355, tps.getDouble("stddev"), 1e-4);
        assertEquals(3.5355 / 1382.5, tps.getDouble("cv"), 1e-6);
        assertEquals("higher_is_better", tps.getString("better"));
    }

    @Test
    @DisplayName("a directory holding several runs contributes each of them")
    void directoriesOfRuns() {
        CliRun run = compare(dir("multi/current"), dir("multi/baseline"), "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonObject itl = metric(new JsonObject(run.out()), "throughput", "itl_ms_mean");
        assertEquals(6, itl.getInteger("n"));
        assertEquals(15.0, itl.getDouble("min"));
        assertEquals(17.2, itl.getDouble("max"));
    }

    @Test
    @DisplayName("--format markdown prints a Markdown table")
    void markdown() {
        CliRun run = compare(dir("multi/current/run-1"), dir("multi/current/run-2"), "--format", "markdown");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("| benchmark | metric | better | n | min | max | mean | stddev | cv |\n"
                + "|---|---|:---:|---:|---:|---:|---:|---:|---:|\n"
                + "| throughput | output_tokens_per_s | ↑ | 2 | 1380 | 1385 | 1382.5 | 3.54 | 0.26% |"), run.out());
    }

    @Test
    @DisplayName("a metric found in one run only has no stddev or cv rather than a false zero")
    void singleSampleHasNoSpread() {
        CliRun run = compare(dir("single/pass"), dir("single/baseline"), "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonObject doc = new JsonObject(run.out());
        JsonObject tpot = metric(doc, "throughput", "tpot_ms_mean");
        assertEquals(1, tpot.getInteger("n"));
        assertNull(tpot.getValue("stddev"));
        assertNull(tpot.getValue("cv"));
    }

    @Test
    @DisplayName("Python KITT results are compared with ours under KITT's metric names")
    void pythonResults() {
        CliRun run = compare(dir("python"), dir("single/pass"), "--format", "json");

        assertEquals(0, run.exitCode(), run.err());
        JsonObject ttft = metric(new JsonObject(run.out()), "streaming_latency", "ttft_ms_mean");
        assertEquals(2, ttft.getInteger("n"));
        assertEquals(88.1, ttft.getDouble("min"));
        assertEquals(101.0, ttft.getDouble("max"));
    }

    @Test
    @DisplayName("a missing directory exits 1 naming it")
    void missingDirectory() {
        CliRun run = compare(dir("single/pass"), "/no/such/results");

        assertEquals(1, run.exitCode());
        assertEquals("kitt: results directory not found: /no/such/results", run.errorLine());
    }

    @Test
    @DisplayName("invalid JSON exits 1 naming the file")
    void invalidJson() {
        CliRun run = compare(dir("single/pass"), dir("invalid"));

        assertEquals(1, run.exitCode());
        assertTrue(run.errorLine().startsWith("kitt: invalid JSON in " + CliRun.fixture("invalid").resolve("metrics.json")),
                run.errorLine());
    }

    @Test
    @DisplayName("an unknown format is wrong usage and exits 2")
    void unknownFormat() {
        CliRun run = compare(dir("single/pass"), dir("single/baseline"), "--format", "xml");

        assertEquals(2, run.exitCode());
    }

    @Test
    @DisplayName("one directory alone is wrong usage: there is nothing to compare it with")
    void needsTwoDirectories() {
        CliRun run = compare(dir("single/pass"));

        assertEquals(2, run.exitCode());
    }
}
