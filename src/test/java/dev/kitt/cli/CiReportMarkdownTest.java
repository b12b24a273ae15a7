package dev.kitt.cli;

import dev.kitt.testing.CliRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("kitt ci report Markdown")
class CiReportMarkdownTest {
    @TempDir
    Path tmp;

    private record Written(CliRun run, String report) {
    }

    private Written report(String current, String baseline, String... extra) throws IOException {
        Path out = tmp.resolve("report.md");
        List<String> args = new ArrayList<>(List.of("ci", "report", "--results-dir", CliRun.fixture(current).toString(),
                "--output", out.toString()));
        if (baseline != null) {
            args.addAll(List.of("--baseline-dir", CliRun.fixture(baseline).toString()));
        }
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        return new Written(run, Files.exists(out) ? Files.readString(out) : "");
    }

    @Test
    @DisplayName("a passing run without baseline shows model, engine, status, hardware and a table per benchmark")
    void passWithoutBaseline() throws IOException {
        Written w = report("single/pass", null);

        assertEquals(0, w.run().exitCode(), w.run().err());
        assertTrue(w.run().out().startsWith("Report written to "), w.run().out());
        Golden.assertMatches("pass.md", w.report());
    }

    @Test
    @DisplayName("a failed benchmark is shown with its errors and the command exits 1 naming it and the file")
    void failWithoutBaseline() throws IOException {
        Written w = report("single/fail", null);

        assertEquals(1, w.run().exitCode());
        assertEquals("kitt: benchmark failed in " + CliRun.fixture("single/fail").resolve("metrics.json")
                + ": memory (nvidia-smi not found)", w.run().errorLine());
        Golden.assertMatches("fail.md", w.report());
    }

    @Test
    @DisplayName("with a baseline, regressions and improvements are flagged by direction and missing metrics and benchmarks are named")
    void passWithBaseline() throws IOException {
        Written w = report("single/pass", "single/baseline");

        assertEquals(0, w.run().exitCode(), w.run().err());
        Golden.assertMatches("pass-with-baseline.md", w.report());
    }

    @Test
    @DisplayName("a failed run compared with a baseline shows both the failure and the comparison")
    void failWithBaseline() throws IOException {
        Written w = report("single/fail", "single/baseline");

        assertEquals(1, w.run().exitCode());
        Golden.assertMatches("fail-with-baseline.md", w.report());
    }

    @Test
    @DisplayName("with several runs on both sides, a change past the threshold but within run-to-run noise is not flagged")
    void severalRunsPerSide() throws IOException {
        Written w = report("multi/current", "multi/baseline", "--fail-on-regression");

        assertEquals(1, w.run().exitCode());
        assertEquals("kitt: 1 regression beyond 5%: throughput/output_tokens_per_s -7.7%", w.run().errorLine());
        Golden.assertMatches("multi-run.md", w.report());
    }

    @Test
    @DisplayName("a larger threshold turns the same changes into no regressions, so --fail-on-regression exits 0")
    void thresholdIsHonoured() throws IOException {
        Written w = report("single/pass", "single/baseline", "--threshold", "20", "--fail-on-regression");

        assertEquals(0, w.run().exitCode(), w.run().err());
        assertTrue(w.report().contains("No regressions or improvements."), w.report());
    }

    @Test
    @DisplayName("results written by the original Python KITT are reported under KITT's metric names")
    void pythonKittResults() throws IOException {
        Written w = report("python", null);

        assertEquals(1, w.run().exitCode());
        assertTrue(w.run().errorLine().endsWith("metrics.json: memory (nvidia-smi not found)"), w.run().errorLine());
        Golden.assertMatches("python.md", w.report());
    }

    @Test
    @DisplayName("a Python KITT baseline is compared with a new run metric by metric")
    void pythonKittBaseline() throws IOException {
        Written w = report("single/pass", "python");

        assertEquals(0, w.run().exitCode(), w.run().err());
        Golden.assertMatches("python-baseline.md", w.report());
    }

    @Test
    @DisplayName("without --output or a pull request, the report goes to stdout")
    void stdout() {
        CliRun run = CliRun.of("ci", "report", "--results-dir", CliRun.fixture("single/pass").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("<!-- kitt-benchmark-report -->\n## KITT benchmark report: ✅ passed"), run.out());
    }
}
