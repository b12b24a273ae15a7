package dev.kitt.cli;

import dev.kitt.testing.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("kitt ci report with bad input")
class CiReportBadInputTest {
    @TempDir
    Path tmp;

    private CliRun report(Path results, Path baseline) {
        Path out = tmp.resolve("report.md");
        return baseline == null
                ? CliRun.of("ci", "report", "--results-dir", results.toString(), "--output", out.toString())
                : CliRun.of("ci", "report", "--results-dir", results.toString(), "--baseline-dir", baseline.toString(),
                "--output", out.toString());
    }

    @Test
    @DisplayName("a results directory that does not exist exits 1 naming it, and writes no report")
    void missingDirectory() {
        Path missing = tmp.resolve("no-such-dir");

        CliRun run = report(missing, null);

        assertEquals(1, run.exitCode());
        assertEquals("kitt: results directory not found: " + missing, run.errorLine());
        assertFalse(Files.exists(tmp.resolve("report.md")));
    }

    @Test
    @DisplayName("a missing baseline directory exits 1 naming it")
    void missingBaseline() {
        Path missing = tmp.resolve("baseline");

        CliRun run = report(CliRun.fixture("single/pass"), missing);

        assertEquals(1, run.exitCode());
        assertEquals("kitt: results directory not found: " + missing, run.errorLine());
    }

    @Test
    @DisplayName("an empty results directory exits 1 saying no metrics.json was found there")
    void emptyDirectory() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.createDirectory(empty.resolve("run-1"));

        CliRun run = report(empty, null);

        assertEquals(1, run.exitCode());
        assertEquals("kitt: no metrics.json in " + empty + " or its subdirectories", run.errorLine());
    }

    @Test
    @DisplayName("a file given as results directory exits 1 saying it is not a directory")
    void fileInsteadOfDirectory() {
        Path file = CliRun.fixture("single/pass").resolve("metrics.json");

        CliRun run = report(file, null);

        assertEquals(1, run.exitCode());
        assertEquals("kitt: not a directory: " + file, run.errorLine());
    }

    @Test
    @DisplayName("invalid JSON in metrics.json exits 1 with one line naming the file")
    void invalidJson() {
        CliRun run = report(CliRun.fixture("invalid"), null);

        assertEquals(1, run.exitCode());
        assertTrue(run.errorLine().startsWith("kitt: invalid JSON in " + CliRun.fixture("invalid").resolve("metrics.json") + ": "),
                run.errorLine());
        assertEquals(1, run.errorLine().lines().count());
    }

    @Test
    @DisplayName("invalid JSON in an optional hardware.json is reported too, naming that file")
    void invalidHardwareJson() {
        CliRun run = report(CliRun.fixture("invalid-hardware"), null);

        assertEquals(1, run.exitCode());
        assertTrue(run.errorLine().startsWith("kitt: invalid JSON in "
                + CliRun.fixture("invalid-hardware").resolve("hardware.json")), run.errorLine());
    }

    @Test
    @DisplayName("a JSON file that is not a KITT metrics.json exits 1 naming the file and what is missing")
    void notKittMetrics() {
        CliRun run = report(CliRun.fixture("not-kitt"), null);

        assertEquals(1, run.exitCode());
        assertEquals("kitt: " + CliRun.fixture("not-kitt").resolve("metrics.json")
                + ": no \"results\" list (is this a KITT metrics.json?)", run.errorLine());
    }

    @Test
    @DisplayName("an unchanged copy of a Python KITT metrics.json is read and reported")
    void pythonKittCopy() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("python-run"));
        Files.copy(CliRun.fixture("python").resolve("metrics.json"), dir.resolve("metrics.json"));

        CliRun run = report(dir, null);

        // The fixture itself records a failed memory benchmark, which must fail the job.
        assertEquals(1, run.exitCode());
        String report = Files.readString(tmp.resolve("report.md"));
        assertTrue(report.contains("| `ttft_ms_mean` | ↓ | 88.1 |"), report);
        assertTrue(report.contains("2× NVIDIA RTX A6000 (48 GB)"), report);
        assertTrue(run.errorLine().endsWith("memory (nvidia-smi not found)"), run.errorLine());
    }

    @Test
    @DisplayName("benchmarks that differ between current and baseline are listed, not failed")
    void differentBenchmarks() throws IOException {
        CliRun run = report(CliRun.fixture("single/pass"), CliRun.fixture("single/baseline"));

        assertEquals(0, run.exitCode(), run.err());
        String report = Files.readString(tmp.resolve("report.md"));
        assertTrue(report.contains("Benchmarks only in the current results (no baseline to compare): `mmlu`."), report);
        assertTrue(report.contains("Benchmarks only in the baseline (not run this time): `memory`."), report);
    }

    @Test
    @DisplayName("a negative threshold is wrong usage and exits 2")
    void negativeThreshold() {
        CliRun run = CliRun.of("ci", "report", "--results-dir", CliRun.fixture("single/pass").toString(),
                "--threshold", "-1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--threshold must be 0 or more"), run.err());
    }

    @Test
    @DisplayName("a malformed --repo is wrong usage and exits 2")
    void malformedRepo() {
        CliRun run = CliRun.of("ci", "report", "--results-dir", CliRun.fixture("single/pass").toString(),
                "--repo", "just-a-name", "--pr", "3", "--github-token", "t");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--repo must be owner/repo"), run.err());
    }
}
